/// Content fingerprints for change detection (not security): XXH3 from
/// Debian's libxxhash, a maintained hash several times faster than the one
/// we wrote before. A file hashed whole and hashed part by part agree.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace pepgen {

std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed = 0);

/// A fingerprint as 16 lowercase hex digits, as keys and cache entries write it.
std::string fingerprint_hex(std::uint64_t value);

/// The fingerprint of bytes that arrive in parts: the same value as
/// fingerprint() of all of them at once.
class Fingerprinter {
public:
    Fingerprinter();
    ~Fingerprinter();
    Fingerprinter(const Fingerprinter&) = delete;
    Fingerprinter& operator=(const Fingerprinter&) = delete;
    void add(std::string_view bytes);
    std::uint64_t value() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace pepgen
