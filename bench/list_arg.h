// Comma-separated lists on the benchmark programs' command lines ("--networks vgg16,resnet50").
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace dnne::bench {

// "a,,b" -> {"a", "b"}: empty items are dropped, so a trailing comma is harmless.
inline std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace dnne::bench
