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

struct Fingerprinter::State {
    XXH3_state_t* xxh = XXH3_createState();
    ~State() { XXH3_freeState(xxh); }
};

Fingerprinter::Fingerprinter() : state_(std::make_unique<State>()) { XXH3_64bits_reset(state_->xxh); }
Fingerprinter::~Fingerprinter() = default;

void Fingerprinter::add(std::string_view bytes) { XXH3_64bits_update(state_->xxh, bytes.data(), bytes.size()); }

std::uint64_t Fingerprinter::value() const { return XXH3_64bits_digest(state_->xxh); }

}  // namespace pepgen
