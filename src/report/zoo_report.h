// Views of the built-in model zoo: the list `dnnexplorer models` prints and its JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "zoo/zoo.h"

namespace dnne {

// One line per network: "vgg16  (3x224x224)  VGG-16, 13 conv + 3 FC".
std::string zoo_list(const std::vector<ZooEntry>& entries);

// {"models": [{"name", "input": [C, H, W], "description"}]}: the names `analyze`, `explore`,
// ... accept (vgglike_N stands for vgglike_13 .. vgglike_64).
nlohmann::json zoo_json(const std::vector<ZooEntry>& entries);

}  // namespace dnne
