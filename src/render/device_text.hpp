#pragma once
// Device facts and the device list for a terminal (`coldcheck info`, `coldcheck list`),
// in the words of render/words.hpp and render/device_words.hpp.
#include <string>

#include "coldcheck/facts.pb.h"
#include "render/device_words.hpp"
#include "render/labels.hpp"

namespace cc::render {

std::string render_facts_text(const ::coldcheck::DeviceFacts& facts, const Labels& labels = {},
                              const DeviceWords& words = {});
std::string render_list_text(const ::coldcheck::DeviceList& list, const Labels& labels = {},
                             const DeviceWords& words = {});

}  // namespace cc::render
