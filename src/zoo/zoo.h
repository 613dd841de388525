// The built-in model zoo: standard networks defined for any input size (docs/spec/MODELS.md section
// 1, issue "Foundation"). Each definition follows its reference (torchvision's model code, the
// original papers, Darknet's cfg), cited in its file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/network.h"
#include "util/expected.h"

namespace dnne {

struct ZooEntry {
  std::string name;
  std::string description;
  Shape default_input;  // [C, H, W]
};

// Every zoo network, in the order `dnnexplorer models` lists them. vgglike_N is listed once
// as "vgglike_N" with its range.
const std::vector<ZooEntry>& zoo_entries();

// All names accepted by build_zoo_network, for "did you mean" suggestions (vgglike_13 ..
// vgglike_64 included).
std::vector<std::string> zoo_names();

bool is_zoo_name(const std::string& name);

// Names are case-insensitive ("VGG16" builds vgg16, named in lower case).
// Builds the named network at `input` (CxHxW; the entry's default when absent). Errors name
// the network and say what is wrong (unknown name with suggestions, an input too small for
// the network's downsampling, a vgglike depth out of range).
Expected<Network> build_zoo_network(const std::string& name,
                                    const std::optional<Shape>& input = std::nullopt);

}  // namespace dnne
