#pragma once
// A transport that carries whole APDUs rather than 64-byte reports (Speculos over TCP).
// Like Link, it is the boundary tests and the recorder wrap.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::transport {

class ApduStream {
 public:
  virtual ~ApduStream() = default;
  ApduStream() = default;
  ApduStream(const ApduStream&) = delete;
  ApduStream& operator=(const ApduStream&) = delete;

  virtual std::string path() const = 0;
  // Sends `apdu`, waits at most `timeout` for the whole reply, returns data + status word.
  virtual std::vector<std::uint8_t> exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) = 0;
};

}  // namespace cc::transport
