#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

#include "util/sha256.h"

using namespace pepgen;

namespace {

// Bytes over the whole 0..255 range (NUL and the high half included), the
// same on every machine. The expected digests below are sha256sum's for
// these very bytes, written to a file.
std::string pseudo_random_bytes(std::size_t n, std::uint64_t seed) {
    std::string out(n, '\0');
    for (auto& c : out) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        c = static_cast<char>(seed >> 56);
    }
    return out;
}

// The digest of data fed in parts whose sizes cycle through sizes.
std::string hex_in_parts(std::string_view data, std::initializer_list<std::size_t> sizes) {
    Sha256 hash;
    auto size = sizes.begin();
    while (!data.empty()) {
        const auto part = data.substr(0, *size);
        hash.update(part);
        data.remove_prefix(part.size());
        if (++size == sizes.end()) size = sizes.begin();
    }
    return sha256_to_hex(hash.finish());
}

}  // namespace

TEST_CASE("SHA-256 gives the NIST digests of the empty message and of abc and the 448 and 896-bit messages",
          "[sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                     "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_to_hex(Sha256().finish()) == sha256_hex(""));
}

TEST_CASE("SHA-256 of one million a characters is the NIST digest whole and in parts", "[sha256]") {
    const std::string million(1000000, 'a');
    const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    CHECK(sha256_hex(million) == expected);
    CHECK(hex_in_parts(million, {1000}) == expected);
    CHECK(hex_in_parts(million, {1, 7, 64, 65, 4096, 63}) == expected);
}

TEST_CASE("bytes hashed in two or three parts split anywhere have the digest of the whole", "[sha256]") {
    // Sizes around the padding edges: 55 bytes leave room for the 0x80 and
    // the length in one block, 56 to 63 do not, 64 and 128 are whole blocks.
    const struct {
        std::size_t size;
        const char* expected;  // sha256sum of pseudo_random_bytes(size, size)
    } cases[] = {
        {1, "acac86c0e609ca906f632b0e2dacccb2b77d22b0621f20ebece1a4835b93f6f0"},
        {55, "2c2bc644d674041ad458ca4b8e798e82580b789b60275c66edd5dd97b006de3d"},
        {56, "176ff635dcfe59cab1aa43b138f7fd6881ef2582706d44ceac2d11eab733192e"},
        {63, "b83e3aae5c5ab2f4e94fd7ff2cd0c6411f93136f4bb150d40f63e0016a8c7c76"},
        {64, "4c108cb98eb7aa3b35c6befdbb9c4255e965e12b485042b81abf95f043914740"},
        {65, "49cd3d141f2aa86b2b078ac6b6276f0c76c4606d0caa504ae6a5c36919bedf6f"},
        {127, "b5e024815e2715b8962632f0dfbfc5f95048ed5d5c3e18d8e7172db4cf19b8cb"},
        {128, "7ca3bb28656a5bb964fe717ffb63f8f852ff1efaedb452b36ebbdd2c4dddc38f"},
    };
    for (const auto& c : cases) {
        INFO("size " << c.size);
        const std::string bytes = pseudo_random_bytes(c.size, c.size);
        const std::string_view view(bytes);
        REQUIRE(sha256_hex(bytes) == c.expected);
        CHECK(hex_in_parts(bytes, {1}) == c.expected);
        CHECK(hex_in_parts(bytes, {3, 1, 60, 2}) == c.expected);
        for (std::size_t i = 0; i <= c.size; ++i) {
            for (std::size_t j = i; j <= c.size; ++j) {
                Sha256 hash;
                hash.update(view.substr(0, i));
                hash.update(view.substr(i, j - i));
                hash.update(view.substr(j));
                const auto hex = sha256_to_hex(hash.finish());
                if (hex != c.expected) {  // one CHECK per failure, not thousands of passes
                    INFO("split at " << i << " and " << j);
                    CHECK(hex == c.expected);
                }
            }
        }
    }
}

TEST_CASE("SHA-256 of pseudo-random buffers is what sha256sum prints for them", "[sha256]") {
    const struct {
        std::size_t size;
        std::uint64_t seed;
        const char* expected;  // sha256sum of pseudo_random_bytes(size, seed) written to a file
    } cases[] = {
        {1000, 2, "0872417a5ca03a05fbdbe327a2aa300bd57d2c1638318c238c65faafc8e56162"},
        {4171, 3, "a419393c7f6fa46cf81350ee65c70f60c2fd5fbd404c416a918f18f2ec72027a"},
        {1048583, 4, "7ae188f5715a7944ecbb931340628437a5565ca7dec1835ed794761804db90f4"},
    };
    for (const auto& c : cases) {
        INFO("size " << c.size);
        const std::string bytes = pseudo_random_bytes(c.size, c.seed);
        CHECK(sha256_hex(bytes) == c.expected);
        CHECK(hex_in_parts(bytes, {1, 55, 56, 63, 64, 65, 127, 128}) == c.expected);
        CHECK(hex_in_parts(bytes, {65536, 0, 13}) == c.expected);
    }
    // A NUL is a byte like any other, not the end of the text.
    CHECK(sha256_hex(std::string_view("a\0b", 3)) ==
          "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
}

TEST_CASE("a digest is written as lowercase hex in byte order", "[sha256]") {
    std::array<std::uint8_t, 32> digest{};
    for (std::size_t i = 0; i < digest.size(); ++i) digest[i] = static_cast<std::uint8_t>(i * 8 + 7);
    digest[31] = 0xff;
    CHECK(sha256_to_hex(digest) == "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");
    CHECK(sha256_to_hex({}) == std::string(64, '0'));
}

TEST_CASE("a finished hash refuses more bytes and a second finish", "[sha256]") {
    Sha256 hash;
    hash.update("abc");
    CHECK(sha256_to_hex(hash.finish()) == sha256_hex("abc"));
    CHECK_THROWS_AS(hash.finish(), std::logic_error);
    CHECK_THROWS_AS(hash.update("d"), std::logic_error);
    CHECK_THROWS_AS(hash.update(""), std::logic_error);
}
