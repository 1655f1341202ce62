#include "content/yaml_load.h"

#include <cstdio>
#include <set>
#include <sstream>
#include <vector>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include "util/text.h"

namespace pepgen {

namespace {

/// Past this many problems in one text the rest are only counted: a hostile
/// file must not turn into a million lines of messages.
constexpr std::size_t kMaxProblems = 20;

struct TooDeep {
    YAML::Mark mark;
};

/// Walks the parse events once. Aliases are refused outright: none of
/// pepgen's YAML needs to repeat a value, and each alias can multiply the
/// document (a "billion laughs" of nested aliases) past every size limit.
class YamlChecker : public YAML::EventHandler {
public:
    struct Problem {
        int line;  ///< 0-based within the text
        std::string message;
    };
    std::vector<Problem> problems;
    std::size_t dropped = 0;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        static const std::string null_key = "~";
        node(mark, &null_key);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        problem(mark, "alias YAML (*nama) tidak didukung; tulis nilainya langsung di tempat itu");
        node(mark, nullptr);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
        // The raw file is checked already; escapes such as "\x01" or "\uFFFE" only show here.
        if (const auto fault = find_text_fault(value)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(fault->cp));
            problem(mark, fault->kind == TextFault::invalid_utf8
                              ? std::string("nilai bukan teks UTF-8 yang sah")
                              : "nilai memuat karakter " + std::string(code) +
                                    " (kendali atau non-karakter Unicode) yang tidak diperbolehkan; hapus karakter itu");
        }
        node(mark, &value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark, false);
    }
    void OnSequenceEnd() override { frames_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark, true);
    }
    void OnMapEnd() override { frames_.pop_back(); }

private:
    struct Frame {
        bool map;
        bool expect_key = true;
        std::set<std::string> keys;
    };

    void problem(const YAML::Mark& mark, std::string message) {
        if (problems.size() < kMaxProblems) problems.push_back({mark.line, std::move(message)});
        else ++dropped;
    }
    /// Every node in a map alternates key, value; a scalar key seen twice is an error
    /// (yaml-cpp keeps both and a look-up silently takes the first).
    void node(const YAML::Mark& mark, const std::string* scalar) {
        if (frames_.empty() || !frames_.back().map) return;
        auto& frame = frames_.back();
        if (frame.expect_key && scalar && !frame.keys.insert(*scalar).second)
            problem(mark, "kunci '" + *scalar + "' muncul lebih dari sekali dalam peta yang sama; hanya satu yang boleh ada, hapus yang lain");
        frame.expect_key = !frame.expect_key;
    }
    void open(const YAML::Mark& mark, bool map) {
        node(mark, nullptr);
        if (frames_.size() >= static_cast<std::size_t>(kMaxYamlDepth)) throw TooDeep{mark};
        frames_.push_back({map, true, {}});
    }

    std::vector<Frame> frames_;
};

std::string too_deep_message() {
    return "bersarang terlalu dalam (lebih dari " + std::to_string(kMaxYamlDepth) +
           " tingkat peta atau daftar); sederhanakan strukturnya";
}

}  // namespace

std::optional<YAML::Node> load_yaml(const std::string& text, const std::string& file, int line_base,
                                    const std::string& label, Diagnostics& diags) {
    YamlChecker checker;
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        parser.HandleNextDocument(checker);
    } catch (const TooDeep& e) {
        diags.error(file, label + " " + too_deep_message(), line_base + e.mark.line);
        return std::nullopt;
    } catch (const YAML::DeepRecursion& e) {
        diags.error(file, label + " " + too_deep_message(), line_base + e.mark.line);
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        diags.error(file, label + " tidak valid: " + e.msg, line_base + e.mark.line);
        return std::nullopt;
    }
    for (const auto& p : checker.problems) diags.error(file, label + ": " + p.message, line_base + p.line);
    if (checker.dropped > 0)
        diags.error(file, label + ": " + std::to_string(checker.dropped) + " masalah lain seperti di atas tidak ditampilkan");
    if (!checker.problems.empty()) return std::nullopt;
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& error) {
        diags.error(file, label + " tidak valid: " + error.msg, line_base + error.mark.line);
        return std::nullopt;
    }
}

}  // namespace pepgen
