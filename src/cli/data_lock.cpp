#include "cli/data_lock.h"

#include <thread>

#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

constexpr std::chrono::milliseconds kPoll{10};

std::string seconds(std::chrono::milliseconds wait) {
    return std::to_string((wait.count() + 999) / 1000) + " detik";
}

/// A command that waits says so at once: a terminal that shows nothing for half a minute looks hung.
void say_waiting(std::ostream* notice, bool& said, const std::string& shown, const std::string& what) {
    if (said || !notice) return;
    said = true;
    *notice << shown << ": menunggu " << what << "..." << std::endl;
}

}  // namespace

DataHold hold_project_data(const fs::path& root, std::ostream& err, std::chrono::milliseconds wait) {
    DataHold hold;
    const auto dir = root / "data";
    if (!entry_exists(dir)) {
        hold.ok = true;  // nothing there yet for another command to be changing
        return hold;
    }
    const auto shown = display_path(root, dir);
    const auto waiting_for = "pepgen build atau pepgen serve selesai membaca data proyek ini (paling lama " + seconds(wait) + ")";
    const auto give_up = std::chrono::steady_clock::now() + wait;
    bool said = false;
    for (;;) {
        bool busy = false;
        std::string error;
        hold.lock = real_disk().lock(dir, Disk::LockKind::exclusive, busy, error);
        if (hold.lock) {
            hold.ok = true;
            return hold;
        }
        if (!busy) {
            err << shown << ": galat: folder data tidak dapat dikunci (" << error << "); tidak ada yang diubah\n";
            return hold;
        }
        // Held. By builds reading it (a shared hold can be had beside theirs): they are done in a
        // moment. By another command changing it: that one's change comes first, and this command
        // would work from what it read before; refused at once.
        bool changing = false;
        if (!real_disk().lock(dir, Disk::LockKind::shared, changing, error)) {
            err << shown << ": galat: perintah pepgen lain sedang mengubah data proyek ini (import, new penilaian, "
                            "correct atau publish); tunggu sampai selesai, lalu ulangi. Tidak ada yang diubah\n";
            return hold;
        }
        if (std::chrono::steady_clock::now() >= give_up) {
            err << shown << ": galat: pepgen build atau pepgen serve masih membaca data proyek ini setelah "
                << seconds(wait) << "; tunggu sampai selesai, lalu ulangi. Tidak ada yang diubah\n";
            return hold;
        }
        say_waiting(&err, said, shown, waiting_for);
        std::this_thread::sleep_for(kPoll);
    }
}

DataRead read_project_data(const fs::path& root, std::chrono::milliseconds wait, std::ostream* notice) {
    DataRead read;
    const auto dir = root / "data";
    if (!entry_exists(dir)) return read;  // the loader reports the missing folder
    const auto shown = display_path(root, dir);
    const auto waiting_for = "perintah pepgen lain (import, new penilaian, correct atau publish) selesai mengubah data "
                             "proyek ini (paling lama " + seconds(wait) + ")";
    const auto give_up = std::chrono::steady_clock::now() + wait;
    bool said = false;
    for (;;) {
        bool busy = false;
        std::string error;
        read.lock = real_disk().lock(dir, Disk::LockKind::shared, busy, error);
        // A folder that cannot be locked at all (a file system without locks) is read as it is:
        // the commands that change data/ cannot lock it either, so none of them runs there.
        if (read.lock || !busy) return read;
        if (std::chrono::steady_clock::now() >= give_up) {
            read.problem = "perintah pepgen lain (import, new penilaian, correct atau publish) masih mengubah data "
                           "proyek ini setelah " + seconds(wait) +
                           "; data tidak dibaca, agar tidak terbaca saat baru setengah diubah. Ulangi setelah "
                           "perintah itu selesai";
            return read;
        }
        say_waiting(notice, said, shown, waiting_for);
        std::this_thread::sleep_for(kPoll);
    }
}

DataHold use_project_data(const fs::path& root, DataUse use, std::ostream& err) {
    if (use == DataUse::change) return hold_project_data(root, err);
    auto read = read_project_data(root, kDataWait, &err);
    if (!read.problem.empty()) {
        err << display_path(root, root / "data") << ": galat: " << read.problem << "\n";
        return {};
    }
    return DataHold{true, std::move(read.lock)};
}

}  // namespace pepgen
