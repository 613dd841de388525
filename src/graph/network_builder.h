// Builds a Network layer by layer, inferring each output shape as it goes. Used by the zoo
// and the importers; everything else reads the finished, immutable Network.
//
// Every method validates its inputs and throws InputError naming the layer (e.g. "layer
// conv3: groups 3 does not divide 64 input channels"); the zoo and importers catch it at
// their public boundary and return it as an Expected's Error.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "graph/layer.h"
#include "graph/network.h"

namespace dnne {

// The longest layer name or op type accepted from a model file (bytes; ours: ONNX exporters
// write paths like "/encoder/layers.11/self_attn/MatMul_1", well under 200).
inline constexpr size_t kMaxLayerNameBytes = 1024;

class NetworkBuilder {
 public:
  explicit NetworkBuilder(std::string network_name);

  LayerId input(const std::string& name, Shape shape);
  LayerId conv(const std::string& name, LayerId in, const ConvAttrs& attrs,
               std::vector<std::string> fused_ops = {}, std::string op = "");
  LayerId pool(const std::string& name, LayerId in, const PoolAttrs& attrs, std::string op = "");
  LayerId fc(const std::string& name, LayerId in, const FcAttrs& attrs,
             std::vector<std::string> fused_ops = {}, std::string op = "Gemm");
  LayerId matmul(const std::string& name, LayerId a, LayerId b, std::string op = "MatMul");
  // Add/Sub/Mul/Div/Max/...: numpy broadcasting of all operands.
  LayerId eltwise(const std::string& name, std::string op, std::vector<LayerId> ins,
                  std::vector<std::string> fused_ops = {});
  LayerId concat(const std::string& name, std::vector<LayerId> ins, int axis,
                 std::string op = "Concat");
  // A standalone activation/normalisation: same shape as its input.
  LayerId fused(const std::string& name, std::string op, LayerId in);
  // Flatten to a vector [C*H*W] (torch.flatten(x, 1)).
  LayerId flatten(const std::string& name, LayerId in, std::string op = "Flatten");
  // A zero-cost data-layout op whose output shape the caller computed (importers use ONNX's
  // own shape inference for these).
  LayerId shape_op(const std::string& name, std::string op, std::vector<LayerId> ins, Shape output);
  LayerId resample(const std::string& name, std::string op, LayerId in, Shape output);
  // An operator we cannot cost, accepted under --allow-unknown: zero cost, kept in reports.
  LayerId unknown(const std::string& name, std::string op, std::vector<LayerId> ins, Shape output);
  // Folds an activation/normalisation into an existing layer (e.g. ReLU after a conv).
  void attach_fused(LayerId id, std::string op);

  const Layer& layer(LayerId id) const { return layers_.at(static_cast<size_t>(id)); }
  const Shape& shape(LayerId id) const { return layer(id).output; }
  LayerId find(const std::string& name) const;  // -1 when absent
  size_t size() const { return layers_.size(); }

  // Counts every layer and returns the network; the builder is left empty.
  Network build();

 private:
  LayerId add(Layer layer);
  void check_inputs(const std::string& name, const std::vector<LayerId>& ins) const;

  std::string network_name_;
  std::vector<Layer> layers_;
  std::unordered_map<std::string, LayerId> by_name_;
};

}  // namespace dnne
