#pragma once
// Hand-built firmware images for tests: the same layouts as the committed fixtures
// (scripts/make_test_firmware.py), with every field adjustable.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cc::firmware::test {

using Bytes = std::vector<std::uint8_t>;

void put_u32(Bytes& b, std::size_t offset, std::uint32_t value);
void put_text(Bytes& b, std::size_t offset, const std::string& text);
Bytes filler(std::size_t size, std::uint8_t seed);

// 1024-byte TRZF header (unsigned) followed by `code_size` bytes of code. With major 1
// (Trezor One) the word after the magic is a reset handler address, as in real images.
Bytes firmware_image(std::size_t code_size, const std::string& hw_model = "", std::uint8_t major = 1);
// TRZR container around `payload`.
Bytes legacy_container(const Bytes& payload);
// 512-byte TRZV header with `keys` keys and `vendor`, then a TRZF image for `model`.
Bytes core_image(std::size_t code_size, const std::string& model = "T2B1", const std::string& vendor = "test vendor",
                 std::uint8_t keys = 3);

// Committed fixture from firmware_fixtures/images/.
Bytes read_fixture(const std::string& name);
// A file's lines, without the trailing newline.
std::vector<std::string> read_lines(const std::string& path);

}  // namespace cc::firmware::test
