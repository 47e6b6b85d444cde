#pragma once
#include <string>

#include <google/protobuf/message.h>

#include "coldcheck/facts.pb.h"
#include "render/json.hpp"

namespace cc::cli {

using render::to_json;
std::string render_facts_text(const ::coldcheck::DeviceFacts& facts);
std::string render_list_text(const ::coldcheck::DeviceList& list);

}  // namespace cc::cli
