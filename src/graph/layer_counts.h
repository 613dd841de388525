// Per-frame counts of a layer: MACs, parameters and non-MAC operations (docs/spec/MODELS.md section
// 1).
#pragma once

#include <string_view>
#include <vector>

#include "graph/layer.h"

namespace dnne {

// Fills layer.macs, layer.params and layer.other_ops from its kind, attributes, output shape
// and its inputs' shapes (in operand order). Throws InputError when a count would pass 2^53.
// Counts past 2^53 are no longer exact in the doubles the cost models and reports use: the
// cap on any one layer's counts and on the network's totals (graph/network_builder.cpp).
inline constexpr int64_t kMaxCount = int64_t{1} << 53;

void count_layer(Layer& layer, const std::vector<Shape>& input_shapes);

// Non-MAC operations per output element of an activation/normalisation, whether it stands
// alone or is folded into its producer. Our convention, documented in docs/models.md: the
// scalar operations of the textbook definition (e.g. BatchNorm at inference = scale + shift
// = 2; Softmax = max, subtract, exp, sum, divide = 5). Unknown names count 1.
int64_t ops_per_element(std::string_view fused_op);

}  // namespace dnne
