// The network graph: a DAG of layers in topological order, read-only once built (after ONNX
// Runtime's Graph/GraphViewer split: importers and the zoo use NetworkBuilder; cost models,
// search and reports only ever see a const Network).
#pragma once

#include <string>
#include <vector>

#include "graph/layer.h"

namespace dnne {

struct NetworkTotals {
  int64_t macs = 0;
  int64_t conv_macs = 0;
  int64_t fc_macs = 0;  // every dense matrix product: Gemm, MatMul, Linear, attention
  int64_t params = 0;
  int64_t other_ops = 0;
  double gop() const { return 2.0 * static_cast<double>(macs) / 1e9; }  // 1 MAC = 2 ops
};

class Network {
 public:
  Network() = default;
  Network(std::string name, std::vector<Layer> layers);

  const std::string& name() const { return name_; }
  // Topological order; layers()[i].id == i.
  const std::vector<Layer>& layers() const { return layers_; }
  const Layer& layer(LayerId id) const { return layers_.at(static_cast<size_t>(id)); }
  size_t size() const { return layers_.size(); }
  // The layers that read `id`'s output, in topological order.
  const std::vector<LayerId>& consumers(LayerId id) const {
    return consumers_.at(static_cast<size_t>(id));
  }
  // Input layers in declaration order; the first one's shape is "the" input shape.
  const std::vector<LayerId>& inputs() const { return inputs_; }
  const Shape& input_shape() const;
  // Shapes of a layer's operands, in operand order.
  std::vector<Shape> input_shapes(const Layer& layer) const;
  int64_t input_elements(const Layer& layer) const;  // summed over operands
  const NetworkTotals& totals() const { return totals_; }
  // Layers imported as zero-cost unknown operators (--allow-unknown), for reports.
  std::vector<LayerId> unknown_layers() const;

 private:
  std::string name_;
  std::vector<Layer> layers_;
  std::vector<std::vector<LayerId>> consumers_;
  std::vector<LayerId> inputs_;
  NetworkTotals totals_;
};

}  // namespace dnne
