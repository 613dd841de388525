// What a design file names its stages by: plain layer names, so the design file code needs
// nothing above the design (model/workload.h's stage_names() fills it from a workload).
#pragma once

#include <string>
#include <vector>

namespace dnne {

struct StageNames {
  std::string network;              // the network's name, for messages
  std::vector<std::string> layers;  // stage i's layer name, in stage order
  int count() const { return static_cast<int>(layers.size()); }
  // Stage i's layer name, 0 <= i < count().
  const std::string& layer(int i) const { return layers[static_cast<size_t>(i)]; }
};

}  // namespace dnne
