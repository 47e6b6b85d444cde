#pragma once
#include <string>

#include <google/protobuf/message.h>

#include "coldcheck/facts.pb.h"

namespace cc::cli {

// Protobuf's JSON mapping with our field names, one trailing newline.
std::string to_json(const google::protobuf::Message& message);
std::string render_facts_text(const ::coldcheck::DeviceFacts& facts);
std::string render_list_text(const ::coldcheck::DeviceList& list);

}  // namespace cc::cli
