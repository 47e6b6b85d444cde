#include "test_images.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace cc::firmware::test {

void put_u32(Bytes& b, std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) b.at(offset + i) = static_cast<std::uint8_t>(value >> (8 * i));
}

void put_text(Bytes& b, std::size_t offset, const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) b.at(offset + i) = static_cast<std::uint8_t>(text[i]);
}

Bytes filler(std::size_t size, std::uint8_t seed) {
  Bytes out(size);
  std::uint32_t x = 0x9E3779B9u ^ seed;
  for (auto& byte : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    byte = static_cast<std::uint8_t>(x);
  }
  return out;
}

Bytes firmware_image(std::size_t code_size, const std::string& hw_model, std::uint8_t major) {
  Bytes b(1024, 0);
  put_text(b, 0, "TRZF");
  // A Trezor One image keeps its reset handler address where core images keep header_len.
  put_u32(b, 4, major == 1 ? 0x080105F1u : 1024u);
  put_u32(b, 12, static_cast<std::uint32_t>(code_size));
  b[16] = major;
  b[17] = 12;
  b[18] = 1;
  b[19] = 7;
  b[20] = major;
  b[21] = 11;
  put_text(b, 24, hw_model);
  const Bytes code = filler(code_size, 1);
  b.insert(b.end(), code.begin(), code.end());
  return b;
}

Bytes legacy_container(const Bytes& payload) {
  Bytes b(256, 0);
  put_text(b, 0, "TRZR");
  put_u32(b, 4, static_cast<std::uint32_t>(payload.size()));
  b.insert(b.end(), payload.begin(), payload.end());
  return b;
}

Bytes core_image(std::size_t code_size, const std::string& model, const std::string& vendor, std::uint8_t keys) {
  Bytes v(512, 0);
  put_text(v, 0, "TRZV");
  put_u32(v, 4, 512);
  v[14] = keys > 0 ? 1 : 0;
  v[15] = keys;
  put_text(v, 18, model);
  const std::size_t vstr = 32 + std::size_t{keys} * 32;
  for (std::size_t i = 32; i < vstr; ++i) v[i] = static_cast<std::uint8_t>(i);
  v.at(vstr) = static_cast<std::uint8_t>(vendor.size());
  put_text(v, vstr + 1, vendor);
  Bytes fw = firmware_image(code_size, model, 2);
  v.insert(v.end(), fw.begin(), fw.end());
  return v;
}

Bytes read_fixture(const std::string& name) {
  const std::string path = std::string(CC_SOURCE_DIR) + "/firmware_fixtures/images/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace cc::firmware::test
