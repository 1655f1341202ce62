#include "util/cache_entry.h"

#include "util/fingerprint.h"

namespace pepgen::cache_entry {

void put_diags(Out& out, const Diagnostics& diags) {
    const auto& items = diags.items();
    out.count(items.size());
    for (const auto& d : items) {
        out.flag(d.severity == Severity::error);
        out.text(d.file);
        out.i32(d.line);
        out.text(d.message);
    }
}

void get_diags(In& in, Diagnostics& diags) {
    for (auto n = in.count(); n > 0 && in.ok(); --n) {
        const bool error = in.flag();
        auto file = in.text();
        const int line = in.i32();
        auto message = in.text();
        if (error) diags.error(std::move(file), std::move(message), line);
        else diags.warning(std::move(file), std::move(message), line);
    }
}

std::string sealed(Out& out) {
    const auto check = fingerprint(out.bytes());
    out.bytes().append(reinterpret_cast<const char*>(&check), sizeof check);
    return std::move(out.bytes());
}

std::optional<In> open_entry(std::string_view bytes, std::string_view magic, const std::string& key) {
    std::uint64_t check = 0;
    if (bytes.size() < magic.size() + sizeof check || bytes.substr(0, magic.size()) != magic) return std::nullopt;
    std::memcpy(&check, bytes.data() + bytes.size() - sizeof check, sizeof check);
    bytes.remove_suffix(sizeof check);
    if (fingerprint(bytes) != check) return std::nullopt;
    In in(bytes.substr(magic.size()));
    if (in.text() != key || !in.ok()) return std::nullopt;
    return in;
}

}  // namespace pepgen::cache_entry
