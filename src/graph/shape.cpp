#include "graph/shape.h"

#include <cstdint>

namespace dnne {

int64_t element_count(const Shape& shape) {
  // Saturates rather than overflow (UB); NetworkBuilder refuses any layer output past 2^53
  // elements, so a Network's shapes never reach the cap.
  int64_t count = 1;
  for (int64_t dim : shape)
    if (__builtin_mul_overflow(count, dim, &count)) return INT64_MAX;
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
