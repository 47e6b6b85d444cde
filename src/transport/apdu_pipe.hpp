#pragma once
// Something that carries whole APDUs (not 64-byte reports) to a Ledger-protocol peer:
// the Speculos TCP socket, or its replay from a transcript.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::transport {

class ApduPipe {
 public:
  virtual ~ApduPipe() = default;
  ApduPipe() = default;
  ApduPipe(const ApduPipe&) = delete;
  ApduPipe& operator=(const ApduPipe&) = delete;

  virtual std::string path() const = 0;
  // Sends `apdu`, waits at most `timeout` for the whole reply, returns data + SW.
  virtual std::vector<std::uint8_t> exchange(std::span<const std::uint8_t> apdu, std::chrono::milliseconds timeout) = 0;
};

}  // namespace cc::transport
