#include "importers/onnx_context.h"

#include <filesystem>
#include <optional>

#include "graph/layer_counts.h"
#include "importers/onnx_graph.h"
#include "util/checked_int.h"
#include "util/expected.h"

namespace dnne {

namespace {
std::string dims_text(const std::vector<int64_t>& dims) {
  std::string text;
  for (int64_t d : dims) text += (text.empty() ? "" : "x") + (d < 0 ? "?" : std::to_string(d));
  return text.empty() ? "scalar" : text;
}
}  // namespace

OnnxContext::OnnxContext(std::string path, const onnx::GraphProto& graph, const DimsTable& dims,
                         int64_t opset, int64_t batch, bool allow_unknown)
    : path_(std::move(path)),
      graph_(graph),
      dims_(dims),
      opset_(opset),
      batch_(batch),
      allow_unknown_(allow_unknown),
      builder_(std::filesystem::path(path_).stem().string()),
      consumers_(onnx_consumers(graph)) {
  for (const auto& init : graph.initializer()) {
    static_.insert(init.name());
    constants_[init.name()] = &init;
  }
  for (const auto& node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      for (const auto& a : node.attribute())
        if (a.name() == "value" && a.has_t()) constants_[node.output(0)] = &a.t();
}

std::optional<std::vector<int64_t>> OnnxContext::integer_constant(const std::string& tensor) const {
  auto it = constants_.find(tensor);
  if (it == constants_.end()) return std::nullopt;
  return integer_values(*it->second);
}

const std::vector<int>& OnnxContext::consumers(const std::string& tensor) const {
  static const std::vector<int> kNone;
  auto it = consumers_.find(tensor);
  return it == consumers_.end() ? kNone : it->second;
}

bool OnnxContext::has_dims(const std::string& tensor) const {
  auto it = dims_.find(tensor);
  if (it == dims_.end()) return false;
  for (int64_t d : it->second)
    if (d < 0) return false;
  return true;
}

std::vector<int64_t> OnnxContext::dims(const std::string& tensor,
                                       const onnx::NodeProto& node) const {
  auto it = dims_.find(tensor);
  if (it == dims_.end())
    fail(node, "ONNX shape inference could not determine the shape of tensor '" + tensor + "'");
  std::optional<int64_t> elements = 1;
  for (int64_t d : it->second) {
    if (d < 0)
      fail(node, "ONNX shape inference could not determine every dimension of tensor '" + tensor +
                     "' (" + dims_text(it->second) + "); a symbolic size may need --input CxHxW");
    if (elements) elements = checked_mul(*elements, d);
  }
  // Inferred dims are the file's numbers (a Reshape to INT64_MAX, a weight of 2^40 x 2^40):
  // every product the mappers take of them stays below int64 when the whole tensor does.
  if (!elements || *elements > kMaxCount)
    fail(node, "tensor '" + tensor + "' (" + dims_text(it->second) + ") has more than 2^53 " +
                   "elements");
  return it->second;
}

int OnnxContext::dropped_dims(const std::string& tensor, const onnx::NodeProto& node) const {
  const auto d = dims(tensor, node);
  return !d.empty() && d[0] == batch_ ? 1 : 0;
}

Shape OnnxContext::frame(const std::string& tensor, const onnx::NodeProto& node) const {
  auto d = dims(tensor, node);
  // With a fixed batch N > 1 that the model bakes in, a tensor that does not lead with N
  // (attention's [N * heads, tokens, head_dim]) has no per-frame shape we could trust.
  if (batch_ > 1 && !is_static(tensor) && (d.empty() || d[0] != batch_))
    fail(node, "tensor '" + tensor + "' (" + dims_text(d) +
                   ") does not lead with the model's "
                   "fixed batch " +
                   std::to_string(batch_) +
                   ", so its per-frame shape is "
                   "ambiguous; export the model with batch 1 or a dynamic batch axis");
  if (!d.empty() && (d[0] == batch_ || (is_static(tensor) && d[0] == 1))) d.erase(d.begin());
  return d;
}

LayerId OnnxContext::layer(const std::string& tensor, const onnx::NodeProto& node) const {
  auto it = layers_.find(tensor);
  if (it == layers_.end())
    fail(node, "input '" + tensor + "' has no layer (its producer was not imported)");
  return it->second;
}

LayerId OnnxContext::layer_as_onnx(const std::string& tensor, const onnx::NodeProto& node) {
  const LayerId id = layer(tensor, node);
  const Shape onnx_shape = frame(tensor, node);
  if (builder_.shape(id) == onnx_shape) return id;
  if (auto it = onnx_shaped_.find(tensor); it != onnx_shaped_.end()) return it->second;
  std::string name = builder_.layer(id).name + "/reshape";
  for (int k = 2; builder_.find(name) >= 0; ++k)
    name = builder_.layer(id).name + "/reshape#" + std::to_string(k);
  const LayerId reshaped = builder_.shape_op(name, "Reshape", {id}, onnx_shape);
  onnx_shaped_[tensor] = reshaped;
  return reshaped;
}

LayerId OnnxContext::constant_layer(const std::string& tensor, const onnx::NodeProto& node) {
  if (auto it = layers_.find(tensor); it != layers_.end()) return it->second;
  std::string name = "constant:" + tensor;
  const LayerId id = builder_.shape_op(name, "Constant", {}, frame(tensor, node));
  layers_[tensor] = id;
  return id;
}

std::vector<LayerId> OnnxContext::activation_inputs(const onnx::NodeProto& node) {
  std::vector<LayerId> ids;
  for (const auto& in : node.input())
    if (!in.empty() && !is_static(in)) ids.push_back(layer_as_onnx(in, node));
  return ids;
}

void OnnxContext::bind(const std::string& tensor, LayerId id, const onnx::NodeProto& node) {
  if (batch_ == 1 && has_dims(tensor)) {
    const Shape ours = builder_.shape(id), theirs = frame(tensor, node);
    if (element_count(ours) != element_count(theirs))
      fail(node, "output '" + tensor + "' has shape " + dims_text(ours) + " by our rules but " +
                     dims_text(theirs) + " by ONNX shape inference");
  }
  layers_[tensor] = id;
}

void OnnxContext::alias(const std::string& tensor, const std::string& source,
                        const onnx::NodeProto& node) {
  layers_[tensor] = layer(source, node);
}

std::string OnnxContext::layer_name(const onnx::NodeProto& node, const std::string& suffix) {
  std::string base = node.name();
  for (int i = 0; base.empty() && i < node.output_size(); ++i) base = node.output(i);
  if (base.empty()) base = node.op_type();
  base += suffix;
  std::string name = base;
  // Resumes from the last suffix given to this base: linear, not quadratic, in the number of
  // nodes that share a name.
  int& k = next_suffix_[base];
  if (k == 0) k = 2;
  while (builder_.find(name) >= 0) name = base + "#" + std::to_string(k++);
  return name;
}

void OnnxContext::fail(const onnx::NodeProto& node, const std::string& what) const {
  throw_node_error(path_, node, opset_, what);
}

}  // namespace dnne
