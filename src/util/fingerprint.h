/// Content fingerprints for change detection (not security): XXH3 from
/// Debian's libxxhash, a maintained hash several times faster than the one
/// we wrote before. A file hashed whole and hashed part by part agree.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pepgen {

std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed = 0);

/// A fingerprint as 16 lowercase hex digits, as keys and cache entries write it.
std::string fingerprint_hex(std::uint64_t value);

/// One part of a file made in parts: its bytes' fingerprint and their length.
struct PartPrint {
    std::uint64_t print = 0;
    std::uint64_t length = 0;
    bool operator==(const PartPrint&) const = default;
};

/// The fingerprint of a file made in parts, from its parts' fingerprints in file order: a part
/// copied from the previous build's file is never read to be hashed again. No parts: the
/// fingerprint of no bytes.
std::uint64_t fingerprint_of_parts(const std::vector<PartPrint>& parts);

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
