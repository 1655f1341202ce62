#include "data/round_cache.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstdint>
#include <cstring>

#include "util/fingerprint.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

// Bumped whenever the layout below changes: an older entry is then never read.
constexpr std::string_view kMagic = "pepgen-penilaian-cache 2\n";
constexpr std::string_view kRegistryMagic = "pepgen-lsp-cache 1\n";

// A field added to these structs must be added to the encoding below (and the
// test beside it), or a cached round would come back without it.
static_assert(sizeof(Round) == 248 && sizeof(ScoreSheet) == 192 && sizeof(Dispute) == 144 &&
                  sizeof(StrayScore) == 48 && sizeof(TeamMember) == 64 && sizeof(Diagnostic) == 80,
              "the round cache encodes every field of a loaded round: update encode_loaded_round");
static_assert(sizeof(Lsp) == 320, "the registry cache encodes every field of an LSP: update encode_loaded_registry");

class Out {
public:
    void u32(std::uint32_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void flag(bool v) { bytes_ += v ? '\1' : '\0'; }
    void text(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        bytes_.append(s);
    }
    void maybe(const std::optional<int>& v) {
        flag(v.has_value());
        if (v) i32(*v);
    }
    std::string& bytes() { return bytes_; }

private:
    std::string bytes_;
};

class In {
public:
    explicit In(std::string_view bytes) : rest_(bytes) {}
    bool ok() const { return ok_; }
    bool done() const { return rest_.empty(); }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        if (rest_.size() < sizeof v) return fail();
        std::memcpy(&v, rest_.data(), sizeof v);
        rest_.remove_prefix(sizeof v);
        return v;
    }
    int i32() { return static_cast<int>(u32()); }
    bool flag() {
        if (rest_.empty()) return fail();
        const bool v = rest_.front() != '\0';
        rest_.remove_prefix(1);
        return v;
    }
    std::string text() {
        const auto n = u32();
        if (n > rest_.size()) return fail(), std::string();
        std::string s(rest_.substr(0, n));
        rest_.remove_prefix(n);
        return s;
    }
    std::optional<int> maybe() {
        if (!flag()) return std::nullopt;
        return i32();
    }
    /// A value the writer could not have written: the entry is not used.
    void damaged() { fail(); }
    /// A count of items still to come; each takes at least one byte, so a damaged count stops here.
    std::size_t count() {
        const auto n = u32();
        if (n > rest_.size()) return fail();
        return n;
    }

private:
    std::uint32_t fail() {
        ok_ = false;
        rest_ = {};
        return 0;
    }
    std::string_view rest_;
    bool ok_ = true;
};

void put_sheet(Out& out, const ScoreSheet& s) {
    out.text(s.lsp_id);
    out.u32(static_cast<std::uint32_t>(s.scores.size()));
    for (const auto& v : s.scores) out.maybe(v ? std::optional<int>(*v) : std::nullopt);
    out.u32(static_cast<std::uint32_t>(s.score_line_offsets.size()));
    for (const auto offset : s.score_line_offsets) out.i32(offset);
    out.u32(static_cast<std::uint32_t>(s.stray.size()));
    for (const auto& st : s.stray) {
        out.text(st.code);
        out.maybe(st.value);
        out.i32(st.line);
    }
    out.text(s.notes_markdown);
    out.u32(static_cast<std::uint32_t>(s.recommendations_markdown.size()));
    for (const auto& r : s.recommendations_markdown) out.text(r);
    out.u32(static_cast<std::uint32_t>(s.disputes.size()));
    for (const auto& d : s.disputes) {
        out.text(d.lodged);
        out.text(d.status);
        out.text(d.decided);
        out.maybe(d.correction);
        out.text(d.note);
        out.i32(d.line);
    }
    out.i32(s.source_line);
}

ScoreSheet get_sheet(In& in) {
    ScoreSheet s;
    s.lsp_id = in.text();
    s.scores.resize(in.count());
    for (auto& v : s.scores) {
        const auto score = in.maybe();
        if (score && !storable_score(*score)) in.damaged();
        else if (score) v = static_cast<std::int16_t>(*score);
    }
    s.score_line_offsets.resize(in.count());
    for (auto& offset : s.score_line_offsets) {
        const int v = in.i32();
        if (v < INT16_MIN || v > INT16_MAX) in.damaged();
        offset = static_cast<std::int16_t>(v);
    }
    s.stray.resize(in.count());
    for (auto& st : s.stray) {
        st.code = in.text();
        st.value = in.maybe();
        st.line = in.i32();
    }
    s.notes_markdown = in.text();
    s.recommendations_markdown.resize(in.count());
    for (auto& r : s.recommendations_markdown) r = in.text();
    s.disputes.resize(in.count());
    for (auto& d : s.disputes) {
        d.lodged = in.text();
        d.status = in.text();
        d.decided = in.text();
        d.correction = in.maybe();
        d.note = in.text();
        d.line = in.i32();
    }
    s.source_line = in.i32();
    return s;
}

/// Every field of an LSP, in the order its registry entry keeps them.
template <typename L>
auto lsp_fields(L& l) {
    return std::array{&l.id, &l.name, &l.type, &l.province, &l.city, &l.licence_number, &l.licence_issued,
                      &l.licence_valid_until, &l.website, &l.address};
}

void put_diags(Out& out, const Diagnostics& diags) {
    const auto& items = diags.items();
    out.u32(static_cast<std::uint32_t>(items.size()));
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

/// Last, over everything before it: a torn or damaged entry is never taken for a good one.
std::string sealed(Out& out) {
    const auto check = fingerprint(out.bytes());
    out.bytes().append(reinterpret_cast<const char*>(&check), sizeof check);
    return std::move(out.bytes());
}

/// A reader over a sealed entry's fields after its key, or nothing when the seal, the magic or the key does not match.
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

/// Decodes a sealed entry: `fields` reads what lies between the key and the messages, which every
/// entry ends with; nothing when the entry does not open or its fields do not fill it exactly.
template <typename Loaded, typename Fields>
std::optional<Loaded> decode_entry(std::string_view bytes, std::string_view magic, const std::string& key,
                                   Fields fields) {
    auto opened = open_entry(bytes, magic, key);
    if (!opened) return std::nullopt;
    auto& in = *opened;
    Loaded loaded;
    fields(in, loaded);
    get_diags(in, loaded.diags);
    if (!in.ok() || !in.done()) return std::nullopt;
    return loaded;
}

}  // namespace

std::string round_cache_key(std::string_view program, const std::vector<Indicator>& catalogue,
                            std::uint64_t content) {
    std::string codes;
    for (const auto& ind : catalogue) codes += ind.code + ",";
    return std::string(program) + "|" + fingerprint_hex(fingerprint(codes)) + "|" + fingerprint_hex(content);
}

std::string encode_loaded_round(const std::string& key, const LoadedRound& loaded) {
    Out out;
    out.bytes().append(kMagic);
    out.text(key);
    out.flag(loaded.round.has_value());
    if (const auto& r = loaded.round) {
        out.text(r->period);
        out.flag(r->kind == RoundKind::insidental);
        out.text(r->date);
        out.text(r->title);
        out.u32(static_cast<std::uint32_t>(r->team.size()));
        for (const auto& m : r->team) {
            out.text(m.name);
            out.text(m.agency);
        }
        out.u32(static_cast<std::uint32_t>(r->sheets.size()));
        for (const auto& s : r->sheets) put_sheet(out, s);
        out.text(r->source_file);
        out.flag(r->draft);
        out.text(r->review_start);
    }
    put_diags(out, loaded.diags);
    return sealed(out);
}

std::optional<LoadedRound> decode_loaded_round(std::string_view bytes, const std::string& key) {
    return decode_entry<LoadedRound>(bytes, kMagic, key, [](In& in, LoadedRound& loaded) {
        if (in.flag()) {
            Round r;
            r.period = in.text();
            r.kind = in.flag() ? RoundKind::insidental : RoundKind::rutin;
            r.date = in.text();
            r.title = in.text();
            r.team.resize(in.count());
            for (auto& m : r.team) {
                m.name = in.text();
                m.agency = in.text();
            }
            r.sheets.resize(in.count());
            for (auto& s : r.sheets) s = get_sheet(in);
            r.source_file = in.text();
            r.draft = in.flag();
            r.review_start = in.text();
            r.index_sheets();
            loaded.round = std::move(r);
        }
    });
}

std::string registry_cache_key(std::string_view program, std::uint64_t content) {
    return std::string(program) + "|" + fingerprint_hex(content);
}

std::string encode_loaded_registry(const std::string& key, const LoadedRegistry& loaded) {
    Out out;
    out.bytes().append(kRegistryMagic);
    out.text(key);
    out.flag(loaded.loaded);
    out.u32(static_cast<std::uint32_t>(loaded.lsps.size()));
    for (const auto& l : loaded.lsps)
        for (const auto* field : lsp_fields(l)) out.text(*field);
    put_diags(out, loaded.diags);
    return sealed(out);
}

std::optional<LoadedRegistry> decode_loaded_registry(std::string_view bytes, const std::string& key) {
    return decode_entry<LoadedRegistry>(bytes, kRegistryMagic, key, [](In& in, LoadedRegistry& loaded) {
        loaded.loaded = in.flag();
        loaded.lsps.resize(in.count());
        for (auto& l : loaded.lsps)
            for (auto* field : lsp_fields(l)) *field = in.text();
    });
}

std::optional<LoadedRegistry> find_cached_registry(const RoundCache& cache, const std::string& key) {
    const auto bytes = read_cache_file({cache.dir.parent_path()}, cache.dir.parent_path() / "lsp.bin");
    if (!bytes) return std::nullopt;
    return decode_loaded_registry(*bytes, key);
}

void keep_cached_registry(const RoundCache& cache, const std::string& key, const LoadedRegistry& loaded) {
    write_cache_file({cache.dir.parent_path()}, cache.dir.parent_path() / "lsp.bin", encode_loaded_registry(key, loaded));
}

std::optional<LoadedRound> find_cached_round(const RoundCache& cache, const std::string& file_name,
                                             const std::string& key) {
    // A correction reads eleven entries of ~1 MB, two threads at a time: one buffer per thread.
    thread_local std::string bytes;
    if (!read_cache_file_into({cache.dir.parent_path(), cache.dir}, cache.dir / (file_name + ".bin"), bytes))
        return std::nullopt;
    return decode_loaded_round(bytes, key);
}

void keep_cached_round(const RoundCache& cache, const std::string& file_name, const std::string& key,
                       const LoadedRound& loaded) {
    write_cache_file({cache.dir.parent_path(), cache.dir}, cache.dir / (file_name + ".bin"), encode_loaded_round(key, loaded));
}

void tidy_round_cache(const RoundCache& cache, const std::vector<std::string>& file_names) {
    std::error_code ec;
    if (fs::symlink_status(cache.dir.parent_path(), ec).type() != fs::file_type::directory ||
        fs::symlink_status(cache.dir, ec).type() != fs::file_type::directory)
        return;
    std::vector<fs::path> stale;
    for (auto it = fs::directory_iterator(cache.dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (const auto tmp = name.find(".tmp."); tmp != std::string::npos) {
            // <file>.tmp.<pid>.<serial>: another build may be writing it right now.
            const auto pid = std::atol(name.c_str() + tmp + 5);
            if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
            stale.push_back(it->path());
        } else if (!name.ends_with(".bin") ||
                   std::find(file_names.begin(), file_names.end(), name.substr(0, name.size() - 4)) ==
                       file_names.end()) {
            stale.push_back(it->path());
        }
    }
    // The entries beside them (the registry's, the input memo): only what a killed build left half written.
    for (auto it = fs::directory_iterator(cache.dir.parent_path(), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const auto name = it->path().filename().string();
        const auto tmp = name.find(".tmp.");
        if (tmp == std::string::npos || !it->is_regular_file(ec)) continue;
        const auto pid = std::atol(name.c_str() + tmp + 5);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
        stale.push_back(it->path());
    }
    for (const auto& p : stale) fs::remove(p, ec);
}

}  // namespace pepgen
