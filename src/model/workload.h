// The network as the cost models see it: a flat array of stage layers with every dimension a
// model needs precomputed, built once per network and read millions of times by the search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "design/stage_names.h"
#include "graph/network.h"

namespace dnne {

// One layer that occupies a pipeline stage / an engine pass. Stage layers are the layers of
// kind conv, fc, matmul, pool, eltwise, fused (standalone), resample and concat, in the
// network's topological order; input, shape and unknown layers are wiring and cost nothing.
// The split point SP counts stage layers: stages [0, SP) are pipelined, [SP, N) generic.
struct StageLayer {
  LayerId layer = -1;  // in the Network
  LayerKind kind = LayerKind::kConv;
  // Convolution view (docs/spec/MODELS.md section 3 notation). Input C x H x W (summed channels for
  // multi-input layers), output M x R x Q, kernel Kh x Kw, stride S, groups g. A dense layer
  // is C = K, M = N, R = rows (tokens; 1 for a vector), Q = Kh = Kw = 1. A matmul of two
  // activations is the same with no weights (its second operand streams like an input).
  int64_t C = 1, H = 1, W = 1;
  int64_t M = 1, R = 1, Q = 1;
  int kh = 1, kw = 1, stride_h = 1, stride_w = 1, groups = 1;
  int64_t macs = 0;             // per frame
  int64_t other_ops = 0;        // per frame
  int64_t weight_elements = 0;  // weights + biases
  int64_t input_elements = 0;   // all operands (both activations of a matmul)
  int64_t output_elements = 0;
  // Producers, as stage indices (-1: the network input or a wiring layer fed by it). Two or
  // more for eltwise/concat/matmul: the pipeline then needs skip buffers (docs/spec/MODELS.md 3).
  std::vector<int> producer_stages;

  // Precomputed for the models' hot path (make_workload; docs/models.md section 2).
  // Window extent along H/W with dilation: d * (K - 1) + 1 rows/columns.
  int span_h = 1, span_w = 1;
  // Columns of each producer's output (parallel to producer_stages) the stage must hold before
  // it can start: Kw + S for a window, the whole map for a dense layer, 1 for element-wise.
  std::vector<double> producer_columns;
  // Stages reading this stage's output (through wiring layers); empty for a network output.
  std::vector<int> consumer_stages;
  // Elements of operands read straight from the network input (-1 producers): DRAM reads.
  int64_t external_input_elements = 0;
  // Skip buffer of a join, per frame (docs/spec/MODELS.md 3): the short branches' elements that
  // wait while the longest branch fills, from the column-streaming fill times of the branches.
  int64_t skip_elements = 0;
  // A BatchNorm folded into this conv or fc (ONNX BatchNormalization, Caffe BatchNorm): AccDNN's
  // template keeps it as a per-output-channel multiplier (docs/models.md 3.2).
  bool batch_norm = false;
};

struct Workload {
  std::string name;
  std::vector<StageLayer> stages;
  int64_t total_macs = 0;
  double gop_per_frame() const { return 2.0 * static_cast<double>(total_macs) / 1e9; }

  // Stages are counted and indexed with ints everywhere (split points, producer stages, design
  // entries): these keep the size_t conversion in one place. 0 <= i < stage_count(), unchecked
  // (the models' hot path).
  int stage_count() const { return static_cast<int>(stages.size()); }
  const StageLayer& stage(int i) const { return stages[static_cast<size_t>(i)]; }
  StageLayer& stage(int i) { return stages[static_cast<size_t>(i)]; }
};

Workload make_workload(const Network& network);

// The names design files give the stages (design/stage_names.h): the network's name and each
// stage's layer name, in stage order.
StageNames stage_names(const Workload& workload, const Network& network);

}  // namespace dnne
