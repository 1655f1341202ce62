#include "util/fingerprint.h"

#include <xxhash.h>

#include <cstdio>

namespace pepgen {

std::uint64_t fingerprint(std::string_view bytes, std::uint64_t seed) {
    return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string fingerprint_hex(std::uint64_t value) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
    return buf;
}

std::uint64_t fingerprint_of_parts(const std::vector<PartPrint>& parts) {
    if (parts.empty()) return fingerprint({});
    // Each part as 16 bytes, little-endian: its fingerprint, then its length.
    std::string records;
    records.reserve(parts.size() * 16);
    auto put = [&records](std::uint64_t v) {
        for (int i = 0; i < 8; ++i) records.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    for (const auto& p : parts) {
        put(p.print);
        put(p.length);
    }
    // Seeded, so that a file of parts never shares a fingerprint with a file whose bytes are these records.
    return fingerprint(records, 0x70617274);
}

struct Fingerprinter::State {
    XXH3_state_t* xxh = XXH3_createState();
    ~State() { XXH3_freeState(xxh); }
};

Fingerprinter::Fingerprinter() : state_(std::make_unique<State>()) { XXH3_64bits_reset(state_->xxh); }
Fingerprinter::~Fingerprinter() = default;

void Fingerprinter::add(std::string_view bytes) { XXH3_64bits_update(state_->xxh, bytes.data(), bytes.size()); }

std::uint64_t Fingerprinter::value() const { return XXH3_64bits_digest(state_->xxh); }

}  // namespace pepgen
