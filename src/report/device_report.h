// Views of devices: the catalog table of `dnnexplorer devices` and the JSON object of one device.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "device/device.h"

namespace dnne {

// The device-file keys (README, "Device files"): a device file round-trips through this.
nlohmann::json device_json(const Device& device);

// {"devices": [device_json...]}
nlohmann::json devices_json(const std::vector<Device>& devices);

// One row per device, then each device's sources.
std::string devices_table(const std::vector<Device>& devices);

}  // namespace dnne
