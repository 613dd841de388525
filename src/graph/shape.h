// Tensor shapes of one frame (the batch dimension is never stored: batch is a property of
// the accelerator design, not of the network).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dnne {

// Dimensions of one frame's tensor, outermost first: [C, H, W] for feature maps, [K] for a
// vector, [T, D] for a token sequence, or the tensor's own rank for anything else.
using Shape = std::vector<int64_t>;

int64_t element_count(const Shape& shape);

// "64x112x112"; "" for a rank-0 tensor.
std::string to_string(const Shape& shape);

// The channels/rows/columns view every cost model works on. Rank 3 is [C, H, W]; rank 1 is
// [C] (H = W = 1); for rank 2 and rank > 3 the last dimension is the channel (feature)
// dimension and the rest fold into H (for sequences, tokens take the place of H x W as
// docs/spec/MODELS.md section 1 says), W = 1.
struct FeatureMap {
  int64_t channels = 1;
  int64_t height = 1;
  int64_t width = 1;
};
FeatureMap as_feature_map(const Shape& shape);

}  // namespace dnne
