// Reading a DSP family's name (device files). dsp_family_name() and dsp_family_names() are
// declared in device/device.h; all three read one table (device/dsp_family.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "device/device.h"

namespace dnne {

// The family named exactly `name` ("DSP48E2"), or nullopt.
std::optional<DspFamily> parse_dsp_family(std::string_view name);
// "DSP48E1, DSP48E2, DSP58", for messages.
std::string dsp_family_names_listed();

}  // namespace dnne
