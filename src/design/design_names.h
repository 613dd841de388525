// The names design files and reports use for a design's enumerations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "design/design.h"

namespace dnne {

// "auto" / "input_resident" / "weight_resident".
std::string_view buffering_name(BufferingChoice choice);
std::optional<BufferingChoice> parse_buffering(std::string_view name);
std::vector<std::string> buffering_names();
// "auto, input_resident, weight_resident", for messages.
std::string buffering_names_listed();

}  // namespace dnne
