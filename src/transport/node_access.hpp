#pragma once
// Explains why a device node (/dev/hidrawN, /dev/bus/usb/BBB/DDD) cannot be opened, so
// that "absent" and "no permission" get different errors and the right advice.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace cc::transport {

// "/dev/hidraw3 mode 0600 root:plugdev", or "/dev/hidraw3 (stat failed: ...)".
std::string describe_node(const std::string& node);

// kNotFound when the node does not exist, kPermissionDenied (with mode, owner and
// group) when this process may not open it read-write; nullopt when neither applies.
// `device_path` is the user-facing path named in the message.
std::optional<Error> explain_node_access(const std::string& node, std::string_view device_path);

}  // namespace cc::transport
