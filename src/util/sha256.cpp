#include "util/sha256.h"

#include <bit>
#include <cstring>
#include <stdexcept>

namespace pepgen {

namespace {

// FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
constexpr std::uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// Assembled byte by byte: the standard fixes big-endian words whatever the
// machine's order, and the input need not be aligned.
std::uint32_t load_be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

}  // namespace

// FIPS 180-4, 5.3.3: the first 32 bits of the fractional parts of the square
// roots of the first 8 primes.
Sha256::Sha256()
    : state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

void Sha256::compress(const unsigned char* block) {
    // The message schedule (6.2.2 step 1) is built whole rather than as a
    // 16-word ring: clearer, and 256 bytes of stack cost nothing here.
    std::uint32_t w[64];
    for (int t = 0; t < 16; ++t) w[t] = load_be32(block + 4 * t);
    for (int t = 16; t < 64; ++t) {
        const std::uint32_t s0 = std::rotr(w[t - 15], 7) ^ std::rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const std::uint32_t s1 = std::rotr(w[t - 2], 17) ^ std::rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;  // unsigned: wraps mod 2^32 as the standard means
    }

    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int t = 0; t < 64; ++t) {
        const std::uint32_t big_s1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
        const std::uint32_t ch = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + big_s1 + ch + round_constants[t] + w[t];
        const std::uint32_t big_s0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
        const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = big_s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::update(std::string_view data) {
    // A digest already handed out would silently stop matching its bytes.
    if (finished_) throw std::logic_error("Sha256::update after finish");
    // An empty view may have a null data(), and memcpy from null is UB even
    // for zero bytes.
    if (data.empty()) return;

    // 64 bits so multi-GB files count right; the standard's limit is 2^64
    // bits, far beyond any file we hash.
    length_ += data.size();
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t left = data.size();

    // Top up a partial block from an earlier call first, so block boundaries
    // fall where they would had the bytes come in one piece.
    if (buffered_ > 0) {
        const std::size_t take = left < 64 - buffered_ ? left : 64 - buffered_;
        std::memcpy(block_.data() + buffered_, in, take);
        buffered_ += take;
        in += take;
        left -= take;
        if (buffered_ < 64) return;
        compress(block_.data());
        buffered_ = 0;
    }
    // Whole blocks straight from the caller's bytes: no copy for big parts.
    for (; left >= 64; in += 64, left -= 64) compress(in);
    if (left > 0) {
        std::memcpy(block_.data(), in, left);
        buffered_ = left;
    }
}

std::array<std::uint8_t, 32> Sha256::finish() {
    // Padding twice would give a digest of different bytes.
    if (finished_) throw std::logic_error("Sha256::finish called twice");
    finished_ = true;

    // 5.1.1: a 1 bit, zeros, and the length in bits as 64 big-endian bits,
    // ending on a block boundary. The length wraps mod 2^64 bits, as the
    // standard has it.
    const std::uint64_t bit_length = length_ << 3;
    block_[buffered_++] = 0x80;
    if (buffered_ > 56) {
        // No room left for the length: it goes into one more block.
        std::memset(block_.data() + buffered_, 0, 64 - buffered_);
        compress(block_.data());
        buffered_ = 0;
    }
    std::memset(block_.data() + buffered_, 0, 56 - buffered_);
    for (std::size_t i = 0; i < 8; ++i) block_[56 + i] = static_cast<unsigned char>(bit_length >> (56 - 8 * i));
    compress(block_.data());

    std::array<std::uint8_t, 32> digest{};
    for (std::size_t i = 0; i < 8; ++i) {
        digest[4 * i] = static_cast<std::uint8_t>(state_[i] >> 24);
        digest[4 * i + 1] = static_cast<std::uint8_t>(state_[i] >> 16);
        digest[4 * i + 2] = static_cast<std::uint8_t>(state_[i] >> 8);
        digest[4 * i + 3] = static_cast<std::uint8_t>(state_[i]);
    }
    return digest;
}

std::string sha256_to_hex(const std::array<std::uint8_t, 32>& digest) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(64);
    for (const std::uint8_t byte : digest) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0x0f];
    }
    return hex;
}

std::string sha256_hex(std::string_view data) {
    Sha256 hash;
    hash.update(data);
    return sha256_to_hex(hash.finish());
}

}  // namespace pepgen
