#include "umockdev/uevent_sender.hpp"

#include <arpa/inet.h>
#include <glob.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

namespace cc::usb_bus {

namespace {

constexpr std::uint32_t kMonitorMagic = 0xfeedcafe;

// libudev's wire header for monitor messages (all fields network order but sizes).
struct MonitorHeader {
  char prefix[8];
  std::uint32_t magic;
  std::uint32_t header_size;
  std::uint32_t properties_off;
  std::uint32_t properties_len;
  std::uint32_t filter_subsystem_hash;
  std::uint32_t filter_devtype_hash;
  std::uint32_t filter_tag_bloom_hi;
  std::uint32_t filter_tag_bloom_lo;
};

// MurmurHash2 seeded with the length: what libudev's socket filter compares.
std::uint32_t filter_hash(const std::string& text) {
  constexpr std::uint32_t m = 0x5bd1e995;
  auto h = static_cast<std::uint32_t>(text.size());
  std::size_t i = 0;
  for (; i + 4 <= text.size(); i += 4) {
    std::uint32_t k = 0;
    std::memcpy(&k, text.data() + i, 4);
    k *= m;
    k ^= k >> 24;
    k *= m;
    h *= m;
    h ^= k;
  }
  const auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(text[at])); };
  switch (text.size() - i) {
    case 3: h ^= byte(i + 2) << 16; [[fallthrough]];
    case 2: h ^= byte(i + 1) << 8; [[fallthrough]];
    case 1:
      h ^= byte(i);
      h *= m;
      break;
    default: break;
  }
  h ^= h >> 13;
  h *= m;
  h ^= h >> 15;
  return h;
}

}  // namespace

int send_uevent(const std::string& testbed_root, const Uevent& event) {
  static std::atomic<unsigned long> seqnum{1000};  // libudev drops an event without one
  std::string props;
  const auto add = [&](const std::string& kv) { props.append(kv).push_back('\0'); };
  add("ACTION=" + event.action);
  add("DEVPATH=" + event.devpath);
  add("SUBSYSTEM=" + event.subsystem);
  if (!event.devtype.empty()) add("DEVTYPE=" + event.devtype);
  if (!event.devname.empty()) add("DEVNAME=" + event.devname);
  add("SEQNUM=" + std::to_string(++seqnum));

  MonitorHeader header{};
  std::memcpy(header.prefix, "libudev", 8);
  header.magic = htonl(kMonitorMagic);
  header.header_size = sizeof header;
  header.properties_off = sizeof header;
  header.properties_len = static_cast<std::uint32_t>(props.size());
  header.filter_subsystem_hash = htonl(filter_hash(event.subsystem));
  if (!event.devtype.empty()) header.filter_devtype_hash = htonl(filter_hash(event.devtype));

  glob_t found{};
  const std::string pattern = testbed_root + "/event[0-9]*";
  int reached = 0;
  if (::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &found) == 0) {
    for (std::size_t n = 0; n < found.gl_pathc; ++n) {
      sockaddr_un to{};
      to.sun_family = AF_UNIX;
      std::strncpy(to.sun_path, found.gl_pathv[n], sizeof to.sun_path - 1);
      const int fd = ::socket(AF_UNIX, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
      if (fd < 0) continue;
      iovec parts[2] = {{&header, sizeof header}, {props.data(), props.size()}};
      msghdr msg{};
      msg.msg_name = &to;
      msg.msg_namelen = sizeof to;
      msg.msg_iov = parts;
      msg.msg_iovlen = 2;
      if (::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0 && ::sendmsg(fd, &msg, 0) >= 0) {
        ++reached;
      }
      ::close(fd);
    }
  }
  ::globfree(&found);
  return reached;
}

}  // namespace cc::usb_bus
