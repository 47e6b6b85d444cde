#pragma once
// Device facts and the device list for a terminal (`coldcheck info`, `coldcheck list`),
// in the words of render/words.hpp.
#include <string>

#include "coldcheck/facts.pb.h"
#include "render/labels.hpp"

namespace cc::render {

std::string render_facts_text(const ::coldcheck::DeviceFacts& facts, const Labels& labels = {});
std::string render_list_text(const ::coldcheck::DeviceList& list, const Labels& labels = {});

}  // namespace cc::render
