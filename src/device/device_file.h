// A user's own device as a JSON file (format in the README, "Device files"), for boards the
// catalog does not ship. Internal to src/device: callers use find_device().
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "device/device.h"
#include "util/expected.h"

namespace dnne {

// Validates every field and reports all problems at once, each naming the file and field.
Expected<Device> device_from_json(const nlohmann::json& json, const std::string& source);

Expected<Device> read_device_file(const std::string& path);

}  // namespace dnne
