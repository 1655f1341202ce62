#include "data/registry_rules.h"

#include "model/provinces.h"
#include "util/text.h"

namespace pepgen {

std::vector<FieldProblem> lsp_problems(const Lsp& lsp) {
    std::vector<FieldProblem> out;
    if (const auto problem = slug_problem(lsp.id); !lsp.id.empty() && !problem.empty())
        out.push_back({"id", "id '" + lsp.id + "' " + problem + " (contoh: lsp-contoh-07)"});
    if (!lsp.type.empty() && lsp.type != "P1" && lsp.type != "P2" && lsp.type != "P3")
        out.push_back({"jenis", "jenis '" + lsp.type + "' tidak dikenal; pilih P1, P2 atau P3"});
    if (!lsp.province.empty() && !find_province(lsp.province))
        out.push_back({"provinsi", "provinsi '" + lsp.province + "' tidak dikenal; tulis nama provinsi seperti di daftar "
                                   "provinsi Indonesia (misalnya Jawa Barat, DKI Jakarta)",
                       false});
    if (!lsp.licence_valid_until.empty() && !is_iso_date(lsp.licence_valid_until))
        out.push_back({"lisensi_berlaku_sampai",
                       "lisensi_berlaku_sampai '" + lsp.licence_valid_until + "' bukan tanggal YYYY-MM-DD yang sah"});
    if (!lsp.licence_issued.empty() && !is_iso_date(lsp.licence_issued))
        out.push_back({"lisensi_terbit", "lisensi_terbit '" + lsp.licence_issued + "' bukan tanggal YYYY-MM-DD yang sah"});
    if (is_iso_date(lsp.licence_issued) && is_iso_date(lsp.licence_valid_until) && lsp.licence_issued > lsp.licence_valid_until)
        out.push_back({"lisensi_terbit",
                       "lisensi_terbit " + lsp.licence_issued + " sesudah lisensi_berlaku_sampai " + lsp.licence_valid_until});
    if (!lsp.website.empty() && lsp.website.rfind("https://", 0) != 0 && lsp.website.rfind("http://", 0) != 0)
        out.push_back({"situs_web", "situs_web '" + lsp.website + "' harus diawali http:// atau https://"});
    return out;
}

}  // namespace pepgen
