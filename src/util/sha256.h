/// SHA-256 (FIPS 180-4) for file hashes, our own so the build needs no
/// OpenSSL. A file hashed whole and hashed part by part give the same digest.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pepgen {

/// The SHA-256 digest of bytes that arrive in parts: update() with each part
/// in order, then finish() once. Any split of the same bytes gives the same
/// digest as sha256_hex() of all of them at once.
class Sha256 {
public:
    Sha256();
    /// Adds bytes to the message; any length, any number of calls.
    /// Throws std::logic_error after finish().
    void update(std::string_view data);
    /// The 32-byte digest. Throws std::logic_error when called a second time.
    std::array<std::uint8_t, 32> finish();

private:
    void compress(const unsigned char* block);

    std::array<std::uint32_t, 8> state_;
    std::array<unsigned char, 64> block_{};  ///< a partial block waiting for more bytes
    std::size_t buffered_ = 0;               ///< bytes of block_ in use, always < 64
    std::uint64_t length_ = 0;               ///< message bytes so far
    bool finished_ = false;
};

/// The SHA-256 of data as 64 lowercase hex digits, as sha256sum prints it.
std::string sha256_hex(std::string_view data);

/// A digest as 64 lowercase hex digits.
std::string sha256_to_hex(const std::array<std::uint8_t, 32>& digest);

}  // namespace pepgen
