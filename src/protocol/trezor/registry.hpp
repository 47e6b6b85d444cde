#pragma once
// Message id tables. Trezor and KeepKey share the v1 framing and most ids but not
// all (KeepKey 89 is SoftReset, Trezor 89 is FirmwareHash), so every encode and
// decode names its table.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include <google/protobuf/message.h>

#include "protocol/trezor/codec.hpp"

namespace cc::trezor {

enum class Table { kTrezor, kKeepKey };

std::string_view to_string(Table table) noexcept;

// The message type for a wire id; nullptr when the table has no such id.
const google::protobuf::Descriptor* descriptor_for(Table table, std::uint16_t id);
// The wire id of a message type; nullopt when the table has no such message.
std::optional<std::uint16_t> id_for(Table table, const google::protobuf::Descriptor* descriptor);

// Serializes `message` and frames it. Throws cc::Error{kInvalidArgument} when the
// table has no id for the message type.
std::vector<Packet> encode_message(Table table, const google::protobuf::Message& message);

// Parses a reassembled wire message. Unknown ids give kMalformed naming the id;
// bytes that do not parse give kMalformed naming the message.
std::unique_ptr<google::protobuf::Message> decode_message(Table table, const Message& wire);

}  // namespace cc::trezor
