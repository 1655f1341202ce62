/// Diagnostics: problems found in content or data, collected as values by
/// every stage and printed once, all of them, at the end.
#pragma once

#include <string>
#include <vector>

namespace pepgen {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;     ///< path relative to the project root, e.g. data/lsp.json
    int line = 0;         ///< 1-based; 0 when unknown
    std::string message;  ///< Indonesian, names LSP/indicator/field where relevant
};

/// Collects diagnostics; stages append, nobody removes.
class Diagnostics {
public:
    void error(std::string file, std::string message, int line = 0);
    void warning(std::string file, std::string message, int line = 0);
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }

    /// One line per diagnostic, e.g. "data/lsp.json:12: galat: ...".
    static std::string format(const Diagnostic& d);

private:
    std::vector<Diagnostic> items_;
};

}  // namespace pepgen
