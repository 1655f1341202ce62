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

#include "util/cache_entry.h"
#include "util/fingerprint.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace pepgen {

namespace {

using namespace cache_entry;

// Bumped whenever the layout below changes: an older entry is then never read.
constexpr std::string_view kMagic = "pepgen-penilaian-cache 2\n";
constexpr std::string_view kRegistryMagic = "pepgen-lsp-cache 1\n";

// A field added to these structs must be added to the encoding below (and the
// test beside it), or a cached round would come back without it.
static_assert(sizeof(Round) == 248 && sizeof(ScoreSheet) == 192 && sizeof(Dispute) == 144 &&
                  sizeof(StrayScore) == 48 && sizeof(TeamMember) == 64 && sizeof(Diagnostic) == 80,
              "the round cache encodes every field of a loaded round: update encode_loaded_round");
static_assert(sizeof(Lsp) == 320, "the registry cache encodes every field of an LSP: update encode_loaded_registry");

void put_sheet(Out& out, const ScoreSheet& s) {
    out.text(s.lsp_id);
    out.count(s.scores.size());
    for (const auto& v : s.scores) out.maybe(v ? std::optional<int>(*v) : std::nullopt);
    out.count(s.score_line_offsets.size());
    for (const auto offset : s.score_line_offsets) out.i32(offset);
    out.count(s.stray.size());
    for (const auto& st : s.stray) {
        out.text(st.code);
        out.maybe(st.value);
        out.i32(st.line);
    }
    out.text(s.notes_markdown);
    out.count(s.recommendations_markdown.size());
    for (const auto& r : s.recommendations_markdown) out.text(r);
    out.count(s.disputes.size());
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
        out.count(r->team.size());
        for (const auto& m : r->team) {
            out.text(m.name);
            out.text(m.agency);
        }
        out.count(r->sheets.size());
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
    out.count(loaded.lsps.size());
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
