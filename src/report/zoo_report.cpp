#include "report/zoo_report.h"

namespace dnne {

std::string zoo_list(const std::vector<ZooEntry>& entries) {
  std::string text;
  for (const auto& entry : entries)
    text += entry.name + "  (" + to_string(entry.default_input) + ")  " + entry.description + "\n";
  return text;
}

nlohmann::json zoo_json(const std::vector<ZooEntry>& entries) {
  nlohmann::json models = nlohmann::json::array();
  for (const auto& entry : entries)
    models.push_back(
        {{"name", entry.name}, {"input", entry.default_input}, {"description", entry.description}});
  return {{"models", models}};
}

}  // namespace dnne
