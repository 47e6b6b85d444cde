#include "protocol/trezor/registry.hpp"

#include <array>
#include <limits>
#include <string>

#include "coldcheck/keepkey.pb.h"
#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"

namespace cc::trezor {

namespace {

namespace tw = ::coldcheck::wire::trezor;
namespace kw = ::coldcheck::wire::keepkey;

struct Entry {
  std::uint16_t id;
  const google::protobuf::Descriptor* (*descriptor)();
};

template <typename T>
const google::protobuf::Descriptor* desc() {
  return T::descriptor();
}

// Ids both families agree on.
constexpr std::array kShared = {
    Entry{0, desc<tw::Initialize>},        Entry{1, desc<tw::Ping>},
    Entry{2, desc<tw::Success>},           Entry{3, desc<tw::Failure>},
    Entry{18, desc<tw::PinMatrixRequest>}, Entry{19, desc<tw::PinMatrixAck>},
    Entry{20, desc<tw::Cancel>},           Entry{26, desc<tw::ButtonRequest>},
    Entry{27, desc<tw::ButtonAck>},        Entry{41, desc<tw::PassphraseRequest>},
    Entry{42, desc<tw::PassphraseAck>},    Entry{45, desc<tw::RecoveryDevice>},
    Entry{46, desc<tw::WordRequest>},      Entry{47, desc<tw::WordAck>},
    Entry{55, desc<tw::GetFeatures>},
};

constexpr std::array kTrezorOnly = {
    Entry{17, desc<tw::Features>},          Entry{24, desc<tw::LockDevice>},   Entry{83, desc<tw::EndSession>},
    Entry{88, desc<tw::GetFirmwareHash>},   Entry{89, desc<tw::FirmwareHash>}, Entry{97, desc<tw::AuthenticateDevice>},
    Entry{98, desc<tw::AuthenticityProof>},
};

constexpr std::array kKeepKeyOnly = {
    Entry{17, desc<kw::Features>},
    Entry{24, desc<kw::ClearSession>},
};

template <typename F>
auto visit_table(Table table, F&& f) -> decltype(f(Entry{})) {
  for (const Entry& e : kShared) {
    if (auto r = f(e)) return r;
  }
  if (table == Table::kTrezor) {
    for (const Entry& e : kTrezorOnly) {
      if (auto r = f(e)) return r;
    }
  } else {
    for (const Entry& e : kKeepKeyOnly) {
      if (auto r = f(e)) return r;
    }
  }
  return {};
}

}  // namespace

std::string_view to_string(Table table) noexcept { return table == Table::kTrezor ? "trezor" : "keepkey"; }

const google::protobuf::Descriptor* descriptor_for(Table table, std::uint16_t id) {
  return visit_table(table, [id](const Entry& e) -> const google::protobuf::Descriptor* {
    return e.id == id ? e.descriptor() : nullptr;
  });
}

std::optional<std::uint16_t> id_for(Table table, const google::protobuf::Descriptor* descriptor) {
  return visit_table(table, [descriptor](const Entry& e) -> std::optional<std::uint16_t> {
    if (e.descriptor() == descriptor) return e.id;
    return std::nullopt;
  });
}

std::vector<Packet> encode_message(Table table, const google::protobuf::Message& message) {
  const auto id = id_for(table, message.GetDescriptor());
  if (!id) {
    throw Error(ErrorCode::kInvalidArgument, std::string(message.GetDescriptor()->name()) + " has no id in the " +
                                                 std::string(to_string(table)) + " table");
  }
  const std::string bytes = message.SerializeAsString();
  return encode(*id, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

std::unique_ptr<google::protobuf::Message> decode_message(Table table, const Message& wire) {
  const auto* descriptor = descriptor_for(table, wire.type);
  if (descriptor == nullptr) {
    throw Error(ErrorCode::kMalformed, "unknown message type " + std::to_string(wire.type) + " for the " +
                                           std::string(to_string(table)) + " table");
  }
  const auto* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor);
  std::unique_ptr<google::protobuf::Message> msg(prototype->New());
  // ParseFromArray takes an int: a payload above INT_MAX (possible with a raised
  // Decoder cap) would wrap negative and be read out of bounds.
  if (wire.payload.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
      !msg->ParseFromArray(wire.payload.data(), static_cast<int>(wire.payload.size()))) {
    throw Error(ErrorCode::kMalformed, "payload of " + std::string(descriptor->name()) + " (" +
                                           std::to_string(wire.payload.size()) + " bytes) does not parse");
  }
  return msg;
}

}  // namespace cc::trezor
