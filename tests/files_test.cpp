// util/files: reading an input whole (read_text_file) and fingerprinting it a block at a time
// (fingerprint_text_file), which must agree on what they accept and on the bytes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <sys/stat.h>

#include "test_support.h"
#include "util/files.h"
#include "util/fingerprint.h"

using namespace pepgen;

TEST_CASE("a file fingerprinted a block at a time gives the fingerprint of the text read whole", "[files]") {
    test::TempDir dir;
    // Empty, small, and several blocks long with a tail that fills no block.
    for (const std::size_t size : {std::size_t(0), std::size_t(5), std::size_t(3 * 65536 + 17)}) {
        std::string text;
        for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 23);
        const auto path = dir / ("f" + std::to_string(size));
        test::write_file(path, text);
        const auto read = read_text_file(path);
        REQUIRE(read.text);
        const auto hash = fingerprint_text_file(path);
        REQUIRE(hash);
        CHECK(*hash == fingerprint(*read.text));
    }
}

TEST_CASE("a file fingerprinted a block at a time is refused where reading it whole is", "[files]") {
    test::TempDir dir;
    test::write_file(dir / "besar.json", std::string(100, 'x'));
    CHECK_FALSE(read_text_file(dir / "besar.json", 99).text);
    CHECK_FALSE(fingerprint_text_file(dir / "besar.json", 99));
    CHECK(fingerprint_text_file(dir / "besar.json", 100));
    std::filesystem::create_directory(dir / "folder");
    CHECK_FALSE(fingerprint_text_file(dir / "folder"));
    CHECK_FALSE(fingerprint_text_file(dir / "tidak-ada.json"));
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    CHECK_FALSE(fingerprint_text_file(dir / "fifo"));  // refused at once, not waited on
}
