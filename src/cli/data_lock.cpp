#include "cli/data_lock.h"

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

DataHold hold_project_data(const fs::path& root, std::ostream& err) {
    DataHold hold;
    const auto dir = root / "data";
    if (!entry_exists(dir)) {
        hold.ok = true;  // nothing there yet for another command to be changing
        return hold;
    }
    bool busy = false;
    std::string error;
    hold.lock = real_disk().lock(dir, busy, error);
    if (hold.lock) {
        hold.ok = true;
        return hold;
    }
    err << display_path(root, dir) << ": galat: "
        << (busy ? "perintah pepgen lain sedang mengubah data proyek ini (import, new penilaian, correct atau "
                   "publish); tunggu sampai selesai, lalu ulangi. Tidak ada yang diubah"
                 : "folder data tidak dapat dikunci (" + error + "); tidak ada yang diubah")
        << "\n";
    return hold;
}

}  // namespace pepgen
