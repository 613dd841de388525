// The state shared by the ONNX node mappers: tensor dims, which tensors are constants, which
// layer stands for each activation tensor, and the builder the layers go into.
#pragma once

#include <onnx/onnx_pb.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/network_builder.h"
#include "importers/onnx_constants.h"

namespace dnne {

class OnnxContext {
 public:
  OnnxContext(std::string path, const onnx::GraphProto& graph, const DimsTable& dims, int64_t opset,
              int64_t batch, bool allow_unknown);

  const std::string& path() const { return path_; }
  const onnx::GraphProto& graph() const { return graph_; }
  int64_t opset() const { return opset_; }
  bool allow_unknown() const { return allow_unknown_; }
  NetworkBuilder& builder() { return builder_; }

  // A constant: an initializer, a Constant's output, or computed only from constants and
  // shapes (Shape, Size). Constants are wiring, never layers.
  bool is_static(const std::string& tensor) const { return static_.count(tensor) > 0; }
  void mark_static(const std::string& tensor) { static_.insert(tensor); }
  // The values of a constant integer tensor (an initializer or a Constant's output), or
  // nullopt when it is not one or its values are not inline.
  std::optional<std::vector<int64_t>> integer_constant(const std::string& tensor) const;
  // The node indices that read a tensor.
  const std::vector<int>& consumers(const std::string& tensor) const;

  // The tensor's full dims (batch included); throws naming `node` when any is unknown.
  std::vector<int64_t> dims(const std::string& tensor, const onnx::NodeProto& node) const;
  bool has_dims(const std::string& tensor) const;
  // Per-frame dims: the leading dim is dropped when it is the batch.
  Shape frame(const std::string& tensor, const onnx::NodeProto& node) const;
  // How many leading dims `frame` drops for this tensor (0 or 1).
  int dropped_dims(const std::string& tensor, const onnx::NodeProto& node) const;

  // The layer that produces an activation tensor.
  LayerId layer(const std::string& tensor, const onnx::NodeProto& node) const;
  // The layer of an activation in ONNX's per-frame shape: when ours differs (a 1-D conv
  // computes [C, 1, L] where ONNX has [C, L]), a zero-cost Reshape layer, made once.
  LayerId layer_as_onnx(const std::string& tensor, const onnx::NodeProto& node);
  // A zero-cost layer standing for a constant operand (a class token, a weight that is the
  // left operand of MatMul), created once per tensor.
  LayerId constant_layer(const std::string& tensor, const onnx::NodeProto& node);
  // The non-constant inputs' layers (in ONNX's shapes, see layer_as_onnx), in operand order.
  std::vector<LayerId> activation_inputs(const onnx::NodeProto& node);
  // Records that `id` produces `tensor`; when the batch is 1, checks that our shape has as
  // many elements as ONNX's inferred one (a mapping bug otherwise).
  void bind(const std::string& tensor, LayerId id, const onnx::NodeProto& node);
  // Makes `tensor` stand for the same layer as `source` (Identity, Dropout, absorbed nodes).
  void alias(const std::string& tensor, const std::string& source, const onnx::NodeProto& node);

  // A unique layer name for a node (its name, else its first output), with a suffix.
  std::string layer_name(const onnx::NodeProto& node, const std::string& suffix = "");

  // Nodes folded into an earlier node's layer (a bias Add after MatMul).
  void absorb(int node_index) { absorbed_.insert(node_index); }
  bool absorbed(int node_index) const { return absorbed_.count(node_index) > 0; }

  // Throws InputError: "<path>: node 'name' (Op, opset N): <what>".
  [[noreturn]] void fail(const onnx::NodeProto& node, const std::string& what) const;

 private:
  std::string path_;
  const onnx::GraphProto& graph_;
  const DimsTable& dims_;
  int64_t opset_;
  int64_t batch_;
  bool allow_unknown_;
  NetworkBuilder builder_;
  std::unordered_map<std::string, int> next_suffix_;  // layer_name's next "#k"
  std::unordered_set<std::string> static_;
  std::unordered_map<std::string, std::vector<int>> consumers_;
  std::unordered_map<std::string, LayerId> layers_;
  std::unordered_map<std::string, LayerId> onnx_shaped_;
  std::unordered_map<std::string, const onnx::TensorProto*> constants_;
  std::unordered_set<int> absorbed_;
};

}  // namespace dnne
