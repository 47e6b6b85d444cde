#include "sim/debuglink.hpp"

#include <string>

#include "coldcheck/debuglink.pb.h"
#include "coldcheck/trezor.pb.h"
#include "core/error.hpp"

namespace cc::sim::debuglink {

namespace {

namespace dbg = ::coldcheck::wire::debug;
namespace wire = ::coldcheck::wire::trezor;
using google::protobuf::Descriptor;

struct Entry {
  std::uint16_t id;
  const Descriptor* (*descriptor)();
};

// trezor/trezor-firmware common/protob/messages.proto: Success 2, Failure 3,
// DebugLinkDecision 100, DebugLinkGetState 101, DebugLinkState 102.
const Entry kTable[] = {
    {2, &wire::Success::descriptor},
    {3, &wire::Failure::descriptor},
    {dbg::DEBUG_MESSAGE_TYPE_DECISION, &dbg::DebugLinkDecision::descriptor},
    {dbg::DEBUG_MESSAGE_TYPE_GET_STATE, &dbg::DebugLinkGetState::descriptor},
    {dbg::DEBUG_MESSAGE_TYPE_STATE, &dbg::DebugLinkState::descriptor},
};

}  // namespace

const Descriptor* descriptor_for(std::uint16_t id) {
  for (const auto& e : kTable) {
    if (e.id == id) return e.descriptor();
  }
  return nullptr;
}

std::optional<std::uint16_t> id_for(const Descriptor* descriptor) {
  for (const auto& e : kTable) {
    if (e.descriptor() == descriptor) return e.id;
  }
  return std::nullopt;
}

std::unique_ptr<google::protobuf::Message> decode(const cc::trezor::Message& message) {
  const Descriptor* d = descriptor_for(message.type);
  if (d == nullptr) {
    throw Error(ErrorCode::kInvalidArgument, "debug link message id " + std::to_string(message.type) + " is not known");
  }
  const google::protobuf::Message* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(d);
  std::unique_ptr<google::protobuf::Message> out(prototype->New());
  if (!out->ParseFromArray(message.payload.data(), static_cast<int>(message.payload.size()))) {
    throw Error(ErrorCode::kMalformed, "debug link message " + std::string(d->name()) + " does not parse");
  }
  return out;
}

std::vector<cc::trezor::Packet> encode(const google::protobuf::Message& message) {
  const auto id = id_for(message.GetDescriptor());
  if (!id) throw Error(ErrorCode::kInternal, "no debug link id for " + std::string(message.GetDescriptor()->name()));
  const std::string bytes = message.SerializeAsString();
  return cc::trezor::encode(*id, {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

}  // namespace cc::sim::debuglink
