#include "design/design_names.h"

#include "util/enum_names.h"

namespace dnne {

namespace {
constexpr auto kBuffering =
    enum_names<BufferingChoice>({{BufferingChoice::kAuto, "auto"},
                                 {BufferingChoice::kInputResident, "input_resident"},
                                 {BufferingChoice::kWeightResident, "weight_resident"}});
static_assert(kBuffering.covers(BufferingChoice::kWeightResident));
}  // namespace

std::string_view buffering_name(BufferingChoice choice) {
  return kBuffering.name(choice);
}

std::optional<BufferingChoice> parse_buffering(std::string_view name) {
  return kBuffering.parse(name);
}

std::vector<std::string> buffering_names() {
  return kBuffering.names();
}

std::string buffering_names_listed() {
  return kBuffering.listed(", ");
}

}  // namespace dnne
