#pragma once
// The debug link's own message id table (see proto/coldcheck/debuglink.proto): kept
// apart from the host's Trezor table, which never contains debug messages.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <google/protobuf/message.h>

#include "protocol/trezor/codec.hpp"

namespace cc::sim::debuglink {

// Debug requests and replies, plus Success (2) and Failure (3) from the main table.
const google::protobuf::Descriptor* descriptor_for(std::uint16_t id);
std::optional<std::uint16_t> id_for(const google::protobuf::Descriptor* descriptor);
// Throws cc::Error{kInvalidArgument} for a message outside the table, kMalformed for
// bytes that do not parse.
std::unique_ptr<google::protobuf::Message> decode(const cc::trezor::Message& message);
std::vector<cc::trezor::Packet> encode(const google::protobuf::Message& message);

}  // namespace cc::sim::debuglink
