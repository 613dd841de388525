#include "design/design_names.h"

namespace dnne {

namespace {
constexpr BufferingChoice kChoices[] = {BufferingChoice::kAuto, BufferingChoice::kInputResident,
                                        BufferingChoice::kWeightResident};
}

std::string_view buffering_name(BufferingChoice choice) {
  switch (choice) {
    case BufferingChoice::kAuto:
      return "auto";
    case BufferingChoice::kInputResident:
      return "input_resident";
    case BufferingChoice::kWeightResident:
      return "weight_resident";
  }
  return "auto";
}

std::optional<BufferingChoice> parse_buffering(std::string_view name) {
  for (auto choice : kChoices)
    if (buffering_name(choice) == name) return choice;
  return std::nullopt;
}

std::vector<std::string> buffering_names() {
  std::vector<std::string> names;
  for (auto choice : kChoices) names.emplace_back(buffering_name(choice));
  return names;
}

}  // namespace dnne
