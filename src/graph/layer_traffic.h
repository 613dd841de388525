// Bytes a layer moves at a given precision, and its computation-to-communication ratio.
#pragma once

#include "graph/network.h"

namespace dnne {

struct LayerTraffic {
  int64_t input_bytes = 0;  // all operands' activations
  int64_t output_bytes = 0;
  int64_t weight_bytes = 0;  // weights and biases
  // CTC = ops / bytes moved from/to DRAM without reuse (docs/spec/MODELS.md section 1): every
  // operand, weight and output crosses the DRAM interface exactly once. 0 when nothing moves.
  double ctc = 0;
  int64_t total_bytes() const { return input_bytes + output_bytes + weight_bytes; }
};

// precision_bits: 16 or 8, for activations and weights alike.
LayerTraffic layer_traffic(const Network& network, const Layer& layer, int precision_bits);

}  // namespace dnne
