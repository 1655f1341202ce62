/// What the worksheet import harnesses share: the project they import into
/// (the repository's catalogue shape, the registry lsp-contoh-01..04, round
/// 2025-1), loaded once per process, and the oracle for an accepted import:
/// the round it makes is one the build accepts, and round_json keeps its scores.
#pragma once

#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "content/content_loader.h"
#include "data/data_loader.h"
#include "data/field_rules.h"
#include "data/round_writer.h"
#include "fuzz_pipeline.h"
#include "fuzz_support.h"
#include "validate/validate.h"
#include "worksheet/worksheet.h"

namespace pepgen::fuzz::import_oracle {

struct State {
    Content content;
    std::vector<Lsp> lsps;
    std::set<std::string> registry;
    Round round;
};

inline State& state() {
    static State* s = [] {
        auto* st = new State;
        const auto root = scratch_root() / "worksheet";
        Fixture::write_full_content(root);
        Fixture::write_meta(root);
        write_file(root / "data/lsp.json", Fixture::full_registry());
        write_file(root / "data/penilaian/2025-1.json", Fixture::full_round());
        Diagnostics diags;
        st->content = load_content(root, diags);
        st->lsps = load_registry(root, diags);
        auto round = load_round(root, root / "data/penilaian/2025-1.json", st->content.indicators, diags);
        require_clean(diags, "worksheet project");
        if (!round) std::abort();
        st->round = std::move(*round);
        for (const auto& lsp : st->lsps) st->registry.insert(lsp.id);
        return st;
    }();
    return *s;
}

[[noreturn]] inline void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "\n==== pepgen fuzz harness: worksheet import: %s\n%s\n", what, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void check_round(const State& st, Round& round) {
    Diagnostics diags;
    validate_round(st.content, &st.registry, round, diags);
    format_all(diags);
    if (diags.has_errors()) {
        std::string all;
        for (const auto& d : diags.items()) all += Diagnostics::format(d) + "\n";
        fail("an accepted worksheet makes a round the build rejects", all);
    }
    for (const auto& sheet : round.sheets) {
        if (!text_field_problem(sheet.notes_markdown).empty()) fail("note the build rejects", sheet.lsp_id);
        for (const auto& r : sheet.recommendations_markdown)
            if (!text_field_problem(r).empty()) fail("recommendation the build rejects", sheet.lsp_id);
    }
    const auto text = round_json(round, st.content.indicators);
    boost::system::error_code ec;
    const auto doc = boost::json::parse(text, ec);
    if (ec) fail("round_json is not JSON", text.substr(0, 400));
    const auto& hasil = doc.at("hasil").as_array();
    if (hasil.size() != round.sheets.size()) fail("round_json lost sheets", "");
    for (std::size_t i = 0; i < hasil.size(); ++i) {
        const auto& skor = hasil[i].at("skor").as_object();
        for (std::size_t k = 0; k < st.content.indicators.size(); ++k) {
            const auto& code = st.content.indicators[k].code;
            const auto value = round.sheets[i].score(k);
            const auto* v = skor.if_contains(code);
            const bool same = v && (value ? v->is_int64() && v->as_int64() == *value : v->is_null());
            if (!same) fail("round_json changed a score", round.sheets[i].lsp_id + " " + code);
        }
    }
}

/// An accepted import merged into round 2025-1, as `pepgen import` does, then checked.
inline void check_accepted(const State& st, const ImportedWorksheet& imported) {
    Round round = st.round;
    merge_worksheet(round.sheets, imported, st.lsps);
    round.sheet_index.clear();
    check_round(st, round);
}

}  // namespace pepgen::fuzz::import_oracle
