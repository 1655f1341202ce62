/// Shared helpers for the libFuzzer targets in tests/fuzz/: one scratch
/// project directory per process, small fixture projects written once, input
/// splitting and UTF-8 repair, and the HTML safety check used by render_fuzz.
///
/// Nothing here is part of pepgen itself; it only prepares inputs for the
/// real library code and checks its output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pepgen::fuzz {

/// A directory under $TMPDIR (or /tmp) created once per process and removed
/// at normal exit. Every call returns the same path.
const std::filesystem::path& scratch_root();

/// Creates parent directories and (over)writes the file with exactly `bytes`.
/// Aborts when the file cannot be written: a fuzzer with a broken scratch
/// directory would otherwise silently test nothing.
void write_file(const std::filesystem::path& path, std::string_view bytes);

/// Fixture pieces (all valid; `load_*` on them reports no errors).
struct Fixture {
    /// pepgen.yaml, beranda.md, two guidance pages (one with the category
    /// table for ik_maks 40), indicators M01 (10), P01 (20), D01 (10), and a
    /// statistics report page embedding dataset "x" in every chart kind.
    static void write_small_content(const std::filesystem::path& root);
    /// The full 27-indicator catalogue of the repository (defaults: masukan
    /// 10, proses 20, keluaran 14, hasil 15, dampak 10; ik_maks 350) with the
    /// four categories of content/panduan/indeks-kinerja.md, plus a report
    /// page embedding dataset "x" in every chart kind.
    static void write_full_content(const std::filesystem::path& root);

    /// data/meta.json.
    static void write_meta(const std::filesystem::path& root);
    /// data/lsp.json with lsp-a, lsp-b (small content) or
    /// lsp-contoh-01..04 (full content).
    static std::string small_registry();
    static std::string full_registry();
    /// Rounds for the small content (2025-1 and 2025-2 rutin, then 2025-i1 insidental).
    static void write_small_rounds(const std::filesystem::path& root);
    /// data/penilaian/2025-1.json for the full content (lsp-contoh-01..04).
    static std::string full_round();
    /// data/statistik/x.json: provinces, numbers, a sum formula, rupiah and
    /// percent columns, printed totals and statements.
    static std::string dataset_x();

    /// Copies PEPGEN_SOURCE_DIR/themes into root/themes.
    static void copy_themes(const std::filesystem::path& root);
};

/// Splits on NUL bytes (at most max_fields fields; the last one keeps the rest).
std::vector<std::string> split_fields(const std::uint8_t* data, std::size_t size, std::size_t max_fields);

/// Replaces every ill-formed UTF-8 sequence (and NUL) with U+FFFD, so that
/// the result passes pepgen::is_valid_utf8.
std::string repair_utf8(std::string_view s);

/// Additionally drops C0 controls except tab/CR/LF and DEL, as JSON data text
/// must be (pepgen::is_clean_text).
std::string clean_text(std::string_view s);

/// Checks one rendered page. Aborts (after printing the page path, the reason
/// and an excerpt) when the HTML contains:
///  - a <script> element other than the theme's own
///    <script src="…assets/situs.js" defer>, <script src="indeks.js">,
///    <script src="…assets/cari.js">;
///  - an on*= event-handler attribute on any element (the theme has none);
///  - a javascript:/vbscript: URL in href/src/action/formaction/xlink:href
///    (after entity decoding and the whitespace stripping browsers do);
///  - an <iframe>, <object>, <embed> or <base> element (the theme has none).
void check_html_safe(const std::string& page_path, const std::string& html);

/// PEPGEN_FUZZ_VERBOSE=1 in the environment: harnesses print diagnostics.
bool verbose();

/// True when finding `id` (e.g. "F5") is listed in PEPGEN_FUZZ_SET_ASIDE
/// (space-separated; scripts/fuzz.sh sets it from known_issues/harness.txt
/// when FUZZ_SET_ASIDE=1): the harness then skips that check.
bool set_aside(const std::string& id);

}  // namespace pepgen::fuzz
