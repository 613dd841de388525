#include "graph/shape.h"

namespace dnne {

int64_t element_count(const Shape& shape) {
  int64_t count = 1;
  for (int64_t dim : shape) count *= dim;
  return count;
}

std::string to_string(const Shape& shape) {
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) text += 'x';
    text += std::to_string(shape[i]);
  }
  return text;
}

FeatureMap as_feature_map(const Shape& shape) {
  if (shape.empty()) return {};
  if (shape.size() == 1) return {.channels = shape[0]};
  if (shape.size() == 3) return {.channels = shape[0], .height = shape[1], .width = shape[2]};
  FeatureMap map{.channels = shape.back()};
  for (size_t i = 0; i + 1 < shape.size(); ++i) map.height *= shape[i];
  return map;
}

}  // namespace dnne
