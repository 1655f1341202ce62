// The one-pass round reader against the tree reader: for every file it reads, the same round
// (every field, line and stray code) and no message the tree reader would give.
#include <catch2/catch.hpp>

#include <random>

#include "data/data_loader.h"
#include "data/round_reader.h"
#include "data/round_writer.h"
#include "test_support.h"

using namespace pepgen;

namespace {

/// Every field of a round and its messages, as bytes: two loads agree when these do.
std::string everything(const std::optional<Round>& round, const Diagnostics& diags) {
    return encode_loaded_round("k", LoadedRound{round, diags});
}

struct Reads {
    bool direct = false;       ///< the one-pass reader took the file
    bool same = false;         ///< it gave what the tree gives, and the tree had nothing to say
    bool load_agrees = false;  ///< load_round (either reader) gave what the tree gives, messages too
    std::string tree_messages;
};

Reads read_both(const test::TempDir& dir, const std::string& text, const std::vector<Indicator>& catalogue) {
    const auto path = dir / "data/penilaian/2025-2.json";
    Reads r;
    Diagnostics tree_diags, load_diags, doc_diags;
    const auto tree = load_round_by_tree(dir.path(), path, catalogue, tree_diags, text);
    const auto loaded = load_round(dir.path(), path, catalogue, load_diags, text);
    r.tree_messages = test::all_messages(tree_diags);
    r.load_agrees = everything(loaded, load_diags) == everything(tree, tree_diags);
    const auto doc = checked_json_doc(dir.path(), path, text, doc_diags);
    if (!doc) return r;
    const auto direct = read_round_direct(*doc, "2025-2", catalogue, code_positions(catalogue));
    r.direct = direct.has_value();
    r.same = r.direct && tree_diags.items().empty() && everything(direct, Diagnostics{}) == everything(tree, tree_diags);
    return r;
}

/// A random round file near the shape an import writes, with now and then something the tree reader
/// names (a wrong type, a repeated key, a score out of range, a control character) or that only it reads
/// (disputes, nulls, unknown fields), in any key order and layout.
class RoundText {
public:
    explicit RoundText(unsigned seed) : rng_(seed) {}

    std::string make() {
        compact_ = chance(0.3);
        // Half the files have nothing wrong or rare (only layout, order and escapes vary); the others one thing.
        static const std::vector<std::string> kinds = {"periode", "jenis", "tanggal", "judul", "draf", "tinjauan", "top-unknown", "no-hasil", "repeated-top", "trailing", "team-number", "no-nama", "nama-blank", "instansi-null", "member-unknown", "score", "sheet-string", "no-lsp", "lsp-bad", "no-skor", "score-repeated", "catatan", "rekomendasi", "sanggahan", "sheet-unknown"};
        fault_ = chance(0.5) ? "" : kinds[static_cast<std::size_t>(between(0, static_cast<int>(kinds.size()) - 1))];
        std::vector<std::string> members;
        members.push_back(member("periode", str(bad("periode") ? pick({"2025-3", "2025-x!", ""}) : "2025-2")));
        members.push_back(member("jenis", str(bad("jenis") ? "bulanan" : pick({"rutin", "insidental"}))));
        members.push_back(member("tanggal", str(bad("tanggal") ? "2025-02-30" : "2025-12-01")));
        if (chance(0.5) || dirty()) members.push_back(member("judul", bad("judul") ? "null" : str(pick({"Putaran Uji", "", "  ", "Uji \\\"kutip\\\""}))));
        if (chance(0.2) || dirty()) members.push_back(member("draf", bad("draf") ? pick({"null", "\"ya\""}) : pick({"true", "false"})));
        if (chance(0.2) || dirty()) members.push_back(member("tinjauan_mulai", str(bad("tinjauan") ? "kemarin" : pick({"2025-11-20", ""}))));
        if (chance(0.6) || dirty()) members.push_back(member("tim", team()));
        if (bad("top-unknown")) members.push_back(member("catatan_tim", str("lain")));
        if (!bad("no-hasil")) members.push_back(member("hasil", sheets()));
        if (bad("repeated-top")) members.push_back(members.front());  // a repeated key
        std::shuffle(members.begin() + 1, members.end(), rng_);
        std::string out = chance(0.05) ? "\xEF\xBB\xBF" : "";
        out += object(members, 0);
        if (bad("trailing")) out += " x";
        if (chance(0.1)) {  // saved with Windows line ends
            std::string crlf;
            for (char c : out) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
            out = crlf;
        }
        return out + "\n";
    }

private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    int between(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng_); }
    std::string pick(std::initializer_list<const char*> options) {
        std::vector<const char*> v(options);
        return v[static_cast<std::size_t>(between(0, static_cast<int>(v.size()) - 1))];
    }
    /// Whether this file's one fault is still to be placed: what may carry it is then always written.
    bool dirty() const { return !fault_.empty() && !done_; }
    /// Something the tree reader names or alone reads, of the one kind this file has (if any), at its
    /// first place only: each is seen on its own, as a second would hide it from the comparison.
    bool bad(const char* kind) {
        if (done_ || fault_ != kind) return false;
        done_ = true;
        return true;
    }
    static std::string str(const std::string& s) { return "\"" + s + "\""; }
    std::string member(const std::string& key, const std::string& value) {
        return "\"" + key + "\"" + (compact_ ? ":" : (chance(0.05) ? " :  " : ": ")) + value;
    }
    std::string object(const std::vector<std::string>& members, int depth) { return bracketed('{', members, '}', depth); }
    std::string list(const std::vector<std::string>& items, int depth) { return bracketed('[', items, ']', depth); }
    /// Items between brackets, one per line indented `depth` levels in, or all on one line when compact.
    std::string bracketed(char open, const std::vector<std::string>& items, char close, int depth) {
        if (items.empty()) return std::string{open, close};
        const std::string in = compact_ ? "" : "\n" + std::string(2 * (depth + 1), ' ');
        const std::string out = compact_ ? "" : "\n" + std::string(2 * depth, ' ');
        std::string s(1, open);
        for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + in + items[i];
        return s + out + close;
    }
    std::string team() {
        std::vector<std::string> items;
        for (int n = between(dirty() ? 1 : 0, 3); n > 0; --n) {
            if (chance(0.2)) {
                items.push_back(bad("team-number") ? "7" : str("Penilai Lepas"));
                continue;
            }
            std::vector<std::string> m;
            if (!bad("no-nama")) m.push_back(member("nama", str(bad("nama-blank") ? " " : pick({"Rina, M.T.", "Budi"}))));
            if (chance(0.6) || dirty()) m.push_back(member("instansi", bad("instansi-null") ? "null" : str("BNSP")));
            if (bad("member-unknown")) m.push_back(member("jabatan", str("ketua")));
            std::shuffle(m.begin(), m.end(), rng_);
            items.push_back(object(m, 2));
        }
        return list(items, 1);
    }
    std::string score_value() {
        if (chance(0.05)) return "null";  // not yet scored: read by both
        if (!bad("score")) return std::to_string(between(0, 20));
        return pick({"40000", "-1", "1.5", "\"5\"", "true", "{}", "1e1"});
    }
    std::string sheets() {
        std::vector<std::string> items;
        const int count = between(dirty() ? 1 : 0, 6);
        for (int n = 0; n < count; ++n) {
            if (bad("sheet-string")) {
                items.push_back("\"lembar\"");
                continue;
            }
            std::vector<std::string> s;
            const std::string id = chance(0.2) && n > 0 ? "lsp-1" : "lsp-" + std::to_string(n + 1);
            if (!bad("no-lsp")) s.push_back(member("lsp", bad("lsp-bad") ? pick({"5", "\"  \""}) : chance(0.03) ? "\"lsp-\\u0031x\"" : str(id)));
            if (!bad("no-skor")) {
                std::vector<std::string> scores;
                for (const char* code : {"M01", "P01", "D01"})
                    if (chance(0.9)) scores.push_back(member(code, score_value()));
                if (chance(0.1)) scores.push_back(member("X99", score_value()));
                if (chance(0.03)) scores.push_back(member("M\\u0030" "1", "3"));  // M01 spelt with an escape
                if (bad("score-repeated") && !scores.empty()) scores.push_back(scores.front());
                std::shuffle(scores.begin(), scores.end(), rng_);
                s.push_back(member("skor", object(scores, 3)));
            }
            if (chance(0.5) || dirty())
                s.push_back(member("catatan", bad("catatan") ? pick({"null", "\"bel \\u0007\""})
                                                        : str(pick({"Tertib.", "", "Lihat \\\"lsp-1\\\" dan \\\"M01\\\".",
                                                                    "Baris\\nbaru \\u00e9"}))));
            if (chance(0.4) || dirty()) {
                std::vector<std::string> recs;
                for (int r = between(dirty() ? 1 : 0, 2); r > 0; --r) recs.push_back(bad("rekomendasi") ? "3" : str("Perbarui **SKKNI**."));
                s.push_back(member("rekomendasi", list(recs, 4)));
            }
            if (bad("sanggahan"))
                s.push_back(member("sanggahan", "[{\"diajukan\": \"2025-12-05\", \"status\": \"diajukan\"}]"));
            if (bad("sheet-unknown")) s.push_back(member("lain", "1"));
            std::shuffle(s.begin(), s.end(), rng_);
            items.push_back(object(s, 2));
        }
        return list(items, 1);
    }

    std::mt19937 rng_;
    bool compact_ = false, done_ = false;
    std::string fault_;
};

}  // namespace

TEST_CASE("the one-pass reader reads what round_json writes, the same as the tree reader", "[round_reader]") {
    test::TempDir dir;
    const auto catalogue = test::fixture_catalogue();
    Round round;
    round.period = "2025-2";
    round.kind = RoundKind::rutin;
    round.date = "2025-12-01";
    round.title = "Penilaian Uji";
    round.team = {{"Penilai Satu", "BNSP"}, {"Penilai Dua", ""}};
    for (int i = 1; i <= 40; ++i) {
        ScoreSheet s;
        s.lsp_id = "lsp-" + std::to_string(i);
        s.set_score(0, i % 11);
        if (i % 7) s.set_score(1, i % 21);
        s.set_score(2, 10 - i % 11);
        s.notes_markdown = i % 3 ? "Catatan \"" + std::to_string(i) + "\"\nbaris kedua" : "";
        if (i % 4 == 0) s.recommendations_markdown = {"Perbarui **SKKNI**.", "Tambah asesor."};
        round.sheets.push_back(s);
    }
    const auto r = read_both(dir, round_json(round, catalogue), catalogue);
    INFO(r.tree_messages);
    CHECK(r.direct);
    CHECK(r.same);
    CHECK(r.load_agrees);
}

TEST_CASE("the one-pass reader gives the tree reader's round or leaves the file to it, for random files",
          "[round_reader]") {
    test::TempDir dir;
    const auto catalogue = test::fixture_catalogue();
    std::size_t direct = 0, tree_only = 0;
    for (unsigned seed = 1; seed <= 1000; ++seed) {
        const auto text = RoundText(seed).make();
        const auto r = read_both(dir, text, catalogue);
        INFO("seed " << seed << "\n" << text << "\n" << r.tree_messages);
        CHECK(r.load_agrees);
        if (r.direct) {
            CHECK(r.same);
            ++direct;
        } else {
            ++tree_only;
        }
    }
    // Both readers are exercised: most files are read in one pass, and many are left to the tree.
    CHECK(direct > 100);
    CHECK(tree_only > 100);
}

TEST_CASE("what the one-pass reader leaves to the tree reader still gets its message and line", "[round_reader]") {
    test::TempDir dir;
    const auto catalogue = test::fixture_catalogue();
    const std::string head = "{\n  \"periode\": \"2025-2\",\n  \"jenis\": \"rutin\",\n  \"tanggal\": \"2025-12-01\",\n  \"hasil\": [\n";
    auto sheet = [](const std::string& scores) { return "    {\n      \"lsp\": \"lsp-1\",\n      \"skor\": {" + scores + "}\n    }\n"; };
    struct Case {
        std::string scores, message;
    };
    for (const auto& c : {Case{"\"M01\": 40000", "2025-2.json:8: galat: lsp-1: M01 = 40000 melebihi skor_maks 10"},
                          Case{"\"M01\": 1, \"M01\": 2", "muncul lebih dari sekali"},
                          Case{"\"P01\": \"5\"", "2025-2.json:8: galat: lsp-1: P01 harus berupa bilangan bulat atau null"}}) {
        const auto r = read_both(dir, head + sheet(c.scores) + "  ]\n}\n", catalogue);
        INFO(r.tree_messages);
        CHECK_FALSE(r.direct);
        CHECK(r.load_agrees);
        CHECK_THAT(r.tree_messages, Catch::Matchers::Contains(c.message));
    }
}
