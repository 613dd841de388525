#include "importers/caffe_layer_mapping.h"

#include <algorithm>
#include <functional>
#include <string_view>

#include "importers/caffe_inputs.h"
#include "importers/caffe_layer_params.h"
#include "importers/caffe_layer_shapes.h"
#include "util/checked_int.h"
#include "util/expected.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
using Handler = std::function<void(CaffeGraph&, const caffe::LayerParameter&)>;

[[noreturn]] void fail(const caffe::LayerParameter& layer, const std::string& what) {
  throw InputError("layer " + layer.name() + ": " + what);
}

void require_counts(const caffe::LayerParameter& layer, int min_bottoms, int max_bottoms) {
  const int n = layer.bottom_size();
  if (n < min_bottoms || n > max_bottoms) {
    const std::string range = min_bottoms == max_bottoms
                                  ? std::to_string(min_bottoms)
                                  : "at least " + std::to_string(min_bottoms);
    fail(layer, layer.type() + " takes " + range + " bottom blob(s), got " + std::to_string(n));
  }
  if (layer.top_size() != 1)
    fail(layer, layer.type() + " takes one top blob, got " + std::to_string(layer.top_size()));
}

LayerId bottom(const CaffeGraph& graph, const caffe::LayerParameter& layer, int i) {
  return caffe_bottom(graph, layer.name(), layer.bottom(i));
}

// Records the new layer as the producer of the layer's top blob(s).
void produce(CaffeGraph& graph, const caffe::LayerParameter& layer, LayerId id) {
  for (const auto& top : layer.top()) graph.blobs[top] = id;
}

// A single-input, same-shape layer (activation, normalisation): kFused, folded into its
// producer afterwards by fold_fused_layers.
void add_fused(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  produce(g, l, g.builder.fused(l.name(), l.type(), bottom(g, l, 0)));
}

void add_conv(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  const bool deconv = l.type() == "Deconvolution";
  const ConvAttrs attrs = caffe_conv_attrs(l.name(), l.convolution_param(), deconv);
  produce(g, l, g.builder.conv(l.name(), bottom(g, l, 0), attrs, {}, l.type()));
}

// InnerProduct flattens every axis from `axis` (default 1, the channels) into one vector of K
// features (InnerProductLayer::Reshape); we insert that flatten as a zero-cost shape layer.
void add_inner_product(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  const auto& p = l.inner_product_param();
  if (!p.has_num_output() || p.num_output() == 0)
    fail(l, "inner_product_param.num_output is missing or 0");
  LayerId x = bottom(g, l, 0);
  const Shape& in = g.builder.shape(x);
  const int axis = caffe_frame_axis(l.name(), "inner_product_param.axis", p.axis(), in.size());
  if (static_cast<size_t>(axis) + 1 != in.size()) {
    Shape flat(in.begin(), in.begin() + axis);
    flat.push_back(element_count(Shape(in.begin() + axis, in.end())));
    x = g.builder.shape_op(l.name() + "/flatten", "Flatten", {x}, flat);
  }
  produce(g, l,
          g.builder.fc(l.name(), x, {.out_features = p.num_output(), .bias = p.bias_term()}, {},
                       "InnerProduct"));
}

void add_pool(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  produce(g, l,
          g.builder.pool(l.name(), bottom(g, l, 0), caffe_pool_attrs(l.name(), l.pooling_param()),
                         "Pooling"));
}

// Eltwise needs equal shapes (EltwiseLayer::Reshape); the coefficients of SUM do not change
// the cost. The operation goes into the op name, since nothing else in the report shows it.
void add_eltwise(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 2, 1 << 20);
  std::vector<LayerId> ins;
  for (int i = 0; i < l.bottom_size(); ++i) {
    ins.push_back(bottom(g, l, i));
    if (g.builder.shape(ins.back()) != g.builder.shape(ins.front()))
      fail(l, "Eltwise inputs differ in shape: " + to_string(g.builder.shape(ins.front())) +
                  " and " + to_string(g.builder.shape(ins.back())));
  }
  const std::string op =
      "Eltwise(" + caffe::EltwiseParameter::EltwiseOp_Name(l.eltwise_param().operation()) + ")";
  produce(g, l, g.builder.eltwise(l.name(), op, std::move(ins)));
}

void add_concat(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1 << 20);
  std::vector<LayerId> ins;
  for (int i = 0; i < l.bottom_size(); ++i) ins.push_back(bottom(g, l, i));
  const auto& p = l.concat_param();
  // concat_dim is the deprecated alias of axis.
  const int caffe_axis =
      !p.has_axis() && p.has_concat_dim() ? static_cast<int>(p.concat_dim()) : p.axis();
  const int axis =
      caffe_frame_axis(l.name(), "concat_param.axis", caffe_axis, g.builder.shape(ins[0]).size());
  produce(g, l, g.builder.concat(l.name(), std::move(ins), axis, "Concat"));
}

// Zero-cost layers whose output shape we compute (docs/spec/MODELS.md: shape kind).
void add_dropout(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  const LayerId x = bottom(g, l, 0);  // identity at inference
  produce(g, l, g.builder.shape_op(l.name(), l.type(), {x}, g.builder.shape(x)));
}

void add_flatten(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  const LayerId x = bottom(g, l, 0);
  const Shape out = caffe_flatten_shape(l.name(), g.builder.shape(x), l.flatten_param());
  produce(g, l, g.builder.shape_op(l.name(), l.type(), {x}, out));
}

void add_reshape(CaffeGraph& g, const caffe::LayerParameter& l) {
  require_counts(l, 1, 1);
  const LayerId x = bottom(g, l, 0);
  const Shape out = caffe_reshape_shape(l.name(), g.builder.shape(x), l.reshape_param());
  produce(g, l, g.builder.shape_op(l.name(), l.type(), {x}, out));
}

// Slice writes one part per top; each part is its own zero-cost layer ("slice/top_name" when
// there are several), since a layer of ours has one output.
void add_slice(CaffeGraph& g, const caffe::LayerParameter& l) {
  if (l.bottom_size() != 1 || l.top_size() < 1)
    fail(l, "Slice takes one bottom blob and at least one top blob");
  const LayerId x = bottom(g, l, 0);
  const std::vector<Shape> parts =
      caffe_slice_shapes(l.name(), g.builder.shape(x), l.slice_param(), l.top_size());
  for (int i = 0; i < l.top_size(); ++i) {
    const std::string name = l.top_size() == 1 ? l.name() : l.name() + "/" + l.top(i);
    g.blobs[l.top(i)] = g.builder.shape_op(name, l.type(), {x}, parts[i]);
  }
}

// Scale with a second bottom multiplies by that blob (broadcast from axis 1): an eltwise Mul.
void add_scale(CaffeGraph& g, const caffe::LayerParameter& l) {
  if (l.bottom_size() != 2) return add_fused(g, l);
  require_counts(l, 2, 2);
  produce(g, l, g.builder.eltwise(l.name(), "Scale", {bottom(g, l, 0), bottom(g, l, 1)}));
}

// The current layer's block of fork field `field`, nullptr when it has none.
const CaffeForkBlock* fork_block(const CaffeGraph& g, const std::string& field) {
  const auto it = g.fork_blocks.find(g.layer_index);
  if (it == g.fork_blocks.end()) return nullptr;
  for (const CaffeForkBlock& block : it->second)
    if (block.field == field) return &block;
  return nullptr;
}

// darknet2caffe's Upsample (caffe_fork.proto): each pixel repeated scale x scale times, as
// Darknet's [upsample] and ONNX Resize (nearest) do; a resample layer like theirs.
void add_upsample(CaffeGraph& g, const caffe::LayerParameter& l) {
  if (l.bottom_size() == 2)
    fail(l,
         "Upsample with two bottom blobs (SegNet's max unpooling by a pooling mask) is not "
         "supported; darknet2caffe's one-bottom Upsample { upsample_param { scale: N } } is");
  require_counts(l, 1, 1);
  const int scale = caffe_upsample_scale(l.name(), fork_block(g, "upsample_param"));
  const LayerId x = bottom(g, l, 0);
  Shape out = g.builder.shape(x);
  if (out.size() != 3) fail(l, "Upsample needs a C x H x W input, got " + to_string(out));
  for (size_t axis = 1; axis < 3; ++axis) {
    const auto scaled = checked_mul(out[axis], scale);
    if (!scaled)
      fail(l,
           "Upsample output of " + to_string(out) + " x " + std::to_string(scale) + " overflows");
    out[axis] = *scaled;
  }
  produce(g, l, g.builder.resample(l.name(), "Upsample", x, out));
}

// Split copies its bottom to every top; Caffe inserts it itself, files rarely spell it out.
void add_split(CaffeGraph& g, const caffe::LayerParameter& l) {
  if (l.bottom_size() != 1) fail(l, "Split takes one bottom blob");
  produce(g, l, bottom(g, l, 0));
}

const std::vector<std::pair<std::string, Handler>>& handlers() {
  static const std::vector<std::pair<std::string, Handler>> kHandlers = {
      {"Input", [](CaffeGraph& g, const caffe::LayerParameter& l) { add_caffe_input_layer(g, l); }},
      {"Convolution", add_conv},
      {"Deconvolution", add_conv},
      {"InnerProduct", add_inner_product},
      {"Pooling", add_pool},
      {"ReLU", add_fused},
      {"PReLU", add_fused},
      {"ELU", add_fused},
      {"Sigmoid", add_fused},
      {"TanH", add_fused},
      {"BatchNorm", add_fused},
      {"Bias", add_fused},
      {"Scale", add_scale},
      {"LRN", add_fused},
      {"Softmax", add_fused},
      {"Dropout", add_dropout},
      {"Concat", add_concat},
      {"Eltwise", add_eltwise},
      {"Flatten", add_flatten},
      {"Reshape", add_reshape},
      {"Slice", add_slice},
      {"Upsample", add_upsample},
      {"Split", add_split},
      // Silence only swallows blobs (it has no tops).
      {"Silence", [](CaffeGraph&, const caffe::LayerParameter&) {}},
  };
  return kHandlers;
}

// --allow-unknown: a zero-cost layer assumed to keep its first bottom's shape.
void add_unknown(CaffeGraph& g, const caffe::LayerParameter& l) {
  const std::string type = "'" + l.type() + "'";
  if (!g.allow_unknown)
    fail(l, "unknown layer type " + type + did_you_mean(l.type(), caffe_supported_types()) +
                "; pass --allow-unknown to import it as a zero-cost layer");
  if (l.bottom_size() == 0)
    fail(l, "layer type " + type + " is unknown and has no bottom blob to take its shape from");
  std::vector<LayerId> ins;
  for (int i = 0; i < l.bottom_size(); ++i) ins.push_back(bottom(g, l, i));
  const Shape shape = g.builder.shape(ins[0]);
  produce(g, l, g.builder.unknown(l.name(), l.type(), std::move(ins), shape));
}
}  // namespace

const std::vector<std::string>& caffe_supported_types() {
  static const std::vector<std::string> kTypes = [] {
    std::vector<std::string> types;
    for (const auto& [type, handler] : handlers()) types.push_back(type);
    return types;
  }();
  return kTypes;
}

LayerId caffe_bottom(const CaffeGraph& graph, const std::string& layer, const std::string& blob) {
  auto it = graph.blobs.find(blob);
  if (it != graph.blobs.end()) return it->second;
  std::vector<std::string> known;
  for (const auto& [name, id] : graph.blobs) known.push_back(name);
  std::sort(known.begin(), known.end());
  throw InputError("layer " + layer + ": bottom blob '" + blob +
                   "' is not produced by any earlier layer or input" + did_you_mean(blob, known));
}

void add_caffe_layer(CaffeGraph& graph, const caffe::LayerParameter& layer, int index) {
  graph.layer_index = index;
  caffe::LayerParameter named = layer;
  // Caffe allows anonymous layers; give them a stable name for the report.
  if (named.name().empty()) named.set_name(named.type() + "_" + std::to_string(index + 1));
  for (const auto& [type, handler] : handlers())
    if (type == named.type()) return handler(graph, named);
  add_unknown(graph, named);
}

}  // namespace dnne
