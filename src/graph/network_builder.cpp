#include "graph/network_builder.h"

#include <utility>

#include "graph/layer_counts.h"
#include "graph/shape_inference.h"
#include "util/expected.h"
#include "util/message_text.h"

namespace dnne {

// The network's name is only a label (a file's stem or a prototxt's `name`): escaped to
// printable UTF-8 rather than refused.
NetworkBuilder::NetworkBuilder(std::string network_name)
    : network_name_(quote_text(network_name, kMaxLayerNameBytes)) {}

namespace {
// A name or op type from a model file goes into every report (JSON needs UTF-8, CSV and the
// table need one line) and into messages: well-formed UTF-8, no control characters, and at
// most kMaxLayerNameBytes. Checked once here, where every layer of every importer passes.
void check_text(const std::string& layer, const char* what, const std::string& text) {
  const std::string quoted = "layer '" + quote_text(layer) + "': ";
  if (text.size() > kMaxLayerNameBytes)
    throw InputError(quoted + what + " of " + std::to_string(text.size()) +
                     " bytes, expected at most " + std::to_string(kMaxLayerNameBytes));
  if (!is_valid_utf8(text))
    throw InputError(quoted + what + " is not valid UTF-8 (model files store names as UTF-8)");
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      throw InputError(quoted + what + " contains a control character");
}
}  // namespace

void NetworkBuilder::check_inputs(const std::string& name, const std::vector<LayerId>& ins) const {
  check_text(name, "name", name);
  if (by_name_.count(name)) throw InputError("layer " + name + ": name used twice");
  for (LayerId id : ins)
    if (id < 0 || static_cast<size_t>(id) >= layers_.size())
      throw InputError("layer " + name + ": input refers to a layer that does not exist");
}

LayerId NetworkBuilder::add(Layer layer) {
  check_inputs(layer.name, layer.inputs);
  check_text(layer.name, "op type", layer.op);
  for (int64_t dim : layer.output)
    if (dim < 1)
      throw InputError("layer " + layer.name + ": output shape " + to_string(layer.output) +
                       " has a dimension < 1");
  if (element_count(layer.output) > kMaxCount)
    throw InputError("layer " + layer.name + ": output shape " + to_string(layer.output) +
                     " has more than 2^53 elements; the input is too large to cost");
  layer.id = static_cast<LayerId>(layers_.size());
  by_name_.emplace(layer.name, layer.id);
  layers_.push_back(std::move(layer));
  return layers_.back().id;
}

LayerId NetworkBuilder::input(const std::string& name, Shape shape) {
  return add({.name = name, .kind = LayerKind::kInput, .op = "Input", .output = std::move(shape)});
}

LayerId NetworkBuilder::conv(const std::string& name, LayerId in, const ConvAttrs& attrs,
                             std::vector<std::string> fused_ops, std::string op) {
  check_inputs(name, {in});
  if (op.empty()) op = attrs.transposed ? "ConvTranspose" : "Conv";
  return add({.name = name, .kind = LayerKind::kConv, .op = std::move(op), .inputs = {in},
              .output = conv_output_shape(name, shape(in), attrs), .attrs = attrs,
              .fused_ops = std::move(fused_ops)});
}

LayerId NetworkBuilder::pool(const std::string& name, LayerId in, const PoolAttrs& attrs,
                             std::string op) {
  check_inputs(name, {in});
  if (op.empty()) {
    op = attrs.mode == PoolMode::kMax ? "MaxPool" : "AveragePool";
    if (attrs.global) op = "Global" + op;
  }
  return add({.name = name, .kind = LayerKind::kPool, .op = std::move(op), .inputs = {in},
              .output = pool_output_shape(name, shape(in), attrs), .attrs = attrs});
}

LayerId NetworkBuilder::fc(const std::string& name, LayerId in, const FcAttrs& attrs,
                           std::vector<std::string> fused_ops, std::string op) {
  check_inputs(name, {in});
  return add({.name = name, .kind = LayerKind::kFc, .op = std::move(op), .inputs = {in},
              .output = fc_output_shape(name, shape(in), attrs), .attrs = attrs,
              .fused_ops = std::move(fused_ops)});
}

LayerId NetworkBuilder::matmul(const std::string& name, LayerId a, LayerId b, std::string op) {
  check_inputs(name, {a, b});
  return add({.name = name, .kind = LayerKind::kMatMul, .op = std::move(op), .inputs = {a, b},
              .output = matmul_output_shape(name, shape(a), shape(b))});
}

LayerId NetworkBuilder::eltwise(const std::string& name, std::string op, std::vector<LayerId> ins,
                                std::vector<std::string> fused_ops) {
  check_inputs(name, ins);
  if (ins.empty()) throw InputError("layer " + name + ": " + op + " needs at least one input");
  std::vector<Shape> shapes;
  for (LayerId id : ins) shapes.push_back(shape(id));
  return add({.name = name, .kind = LayerKind::kEltwise, .op = std::move(op),
              .inputs = std::move(ins), .output = broadcast_shape(name, shapes),
              .fused_ops = std::move(fused_ops)});
}

LayerId NetworkBuilder::concat(const std::string& name, std::vector<LayerId> ins, int axis,
                               std::string op) {
  check_inputs(name, ins);
  std::vector<Shape> shapes;
  for (LayerId id : ins) shapes.push_back(shape(id));
  return add({.name = name, .kind = LayerKind::kConcat, .op = std::move(op),
              .inputs = std::move(ins), .output = concat_output_shape(name, shapes, axis),
              .attrs = ConcatAttrs{.axis = axis}});
}

LayerId NetworkBuilder::fused(const std::string& name, std::string op, LayerId in) {
  check_inputs(name, {in});
  return add({.name = name, .kind = LayerKind::kFused, .op = std::move(op), .inputs = {in},
              .output = shape(in)});
}

LayerId NetworkBuilder::flatten(const std::string& name, LayerId in, std::string op) {
  check_inputs(name, {in});
  return add({.name = name, .kind = LayerKind::kShape, .op = std::move(op), .inputs = {in},
              .output = {element_count(shape(in))}});
}

LayerId NetworkBuilder::shape_op(const std::string& name, std::string op, std::vector<LayerId> ins,
                                 Shape output) {
  return add({.name = name, .kind = LayerKind::kShape, .op = std::move(op),
              .inputs = std::move(ins), .output = std::move(output)});
}

LayerId NetworkBuilder::resample(const std::string& name, std::string op, LayerId in,
                                 Shape output) {
  return add({.name = name, .kind = LayerKind::kResample, .op = std::move(op), .inputs = {in},
              .output = std::move(output)});
}

LayerId NetworkBuilder::unknown(const std::string& name, std::string op, std::vector<LayerId> ins,
                                Shape output) {
  return add({.name = name, .kind = LayerKind::kUnknown, .op = std::move(op),
              .inputs = std::move(ins), .output = std::move(output)});
}

void NetworkBuilder::attach_fused(LayerId id, std::string op) {
  layers_.at(static_cast<size_t>(id)).fused_ops.push_back(std::move(op));
}

LayerId NetworkBuilder::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? -1 : it->second;
}

Network NetworkBuilder::build() {
  // The network's totals are capped like each layer's (2^53): every sum the cost models form
  // over a subset of layers then stays exact and far from int64 overflow.
  int64_t macs = 0, params = 0, other_ops = 0;
  auto add_total = [](int64_t& total, int64_t value, const Layer& layer, const char* what) {
    if (__builtin_add_overflow(total, value, &total) || total > kMaxCount)
      throw InputError(std::string("network ") + what + " exceed 2^53 by layer " + layer.name +
                       "; the network is too large to cost");
  };
  for (Layer& layer : layers_) {
    std::vector<Shape> shapes;
    shapes.reserve(layer.inputs.size());
    for (LayerId producer : layer.inputs) shapes.push_back(layers_[producer].output);
    count_layer(layer, shapes);
    add_total(macs, layer.macs, layer, "MACs");
    add_total(params, layer.params, layer, "parameters");
    add_total(other_ops, layer.other_ops, layer, "operations");
  }
  by_name_.clear();
  return Network(std::move(network_name_), std::move(layers_));
}

}  // namespace dnne
