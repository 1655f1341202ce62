#include "util/diagnostic.h"

#include <algorithm>

namespace pepgen {

void Diagnostics::error(std::string file, std::string message, int line) {
    items_.push_back({Severity::error, std::move(file), line, std::move(message)});
}

void Diagnostics::warning(std::string file, std::string message, int line) {
    items_.push_back({Severity::warning, std::move(file), line, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::string Diagnostics::format(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("pepgen") : d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line);
    out += d.severity == Severity::error ? ": galat: " : ": peringatan: ";
    out += d.message;
    return out;
}

}  // namespace pepgen
