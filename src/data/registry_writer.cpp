#include "data/registry_writer.h"

#include <boost/json.hpp>

#include "format/json_pretty.h"

namespace json = boost::json;

namespace pepgen {

std::string registry_json(const std::vector<Lsp>& lsps) {
    json::array list;
    for (const auto& l : lsps) {
        json::object o;
        const auto put = [&](const char* key, const std::string& value, bool required) {
            if (required || !value.empty()) o[key] = value;
        };
        put("id", l.id, true);
        put("nama", l.name, true);
        put("jenis", l.type, true);
        put("provinsi", l.province, true);
        put("kota", l.city, false);
        put("nomor_lisensi", l.licence_number, true);
        put("lisensi_terbit", l.licence_issued, false);
        put("lisensi_berlaku_sampai", l.licence_valid_until, true);
        put("situs_web", l.website, false);
        put("alamat", l.address, false);
        list.emplace_back(std::move(o));
    }
    json::object doc;
    doc["lsp"] = std::move(list);
    return pretty_json(doc, false);
}

}  // namespace pepgen
