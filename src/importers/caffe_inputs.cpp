#include "importers/caffe_inputs.h"

#include <utility>

#include "util/expected.h"

namespace dnne {

namespace {
const char kShapeHint[] =
    "give input_shape { dim: N dim: C dim: H dim: W } or four input_dim, or pass --input CxHxW";

std::vector<int64_t> dims_of(const caffe::BlobShape& shape) {
  return {shape.dim().begin(), shape.dim().end()};
}

// The first input declared takes --input's shape when it is given (LoadOptions::input).
void declare_input(CaffeGraph& graph, const std::string& layer_name, const std::string& blob,
                   std::optional<Shape> shape, const std::string& missing_shape_message) {
  if (graph.inputs_declared++ == 0 && graph.input_override) shape = graph.input_override;
  if (!shape) throw InputError(missing_shape_message);
  graph.blobs[blob] = graph.builder.input(layer_name, std::move(*shape));
}
}  // namespace

Shape caffe_frame_shape(const std::string& what, const std::vector<int64_t>& dims) {
  std::string text;
  for (int64_t d : dims) text += (text.empty() ? "" : "x") + std::to_string(d);
  if (dims.size() < 2)
    throw InputError(what + ": shape " + text + " needs the batch and at least one more dimension");
  // dims[0] is the batch (N): a property of the accelerator design, not of the network.
  Shape frame(dims.begin() + 1, dims.end());
  for (int64_t d : frame)
    if (d < 1) throw InputError(what + ": shape " + text + " has a dimension < 1");
  return frame;
}

void declare_caffe_net_inputs(CaffeGraph& graph, const caffe::NetParameter& net) {
  const int count = net.input_size();
  if (count == 0) {
    if (net.input_shape_size() > 0 || net.input_dim_size() > 0)
      throw InputError("input_shape/input_dim given without an `input` blob name");
    return;
  }
  if (net.input_shape_size() > 0 && net.input_dim_size() > 0)
    throw InputError("both input_shape and input_dim are given; use one");
  if (net.input_shape_size() > 0 && net.input_shape_size() != count)
    throw InputError(std::to_string(count) + " input(s) but " +
                     std::to_string(net.input_shape_size()) +
                     " input_shape(s): give one input_shape per input");
  if (net.input_dim_size() > 0 && net.input_dim_size() != 4 * count)
    throw InputError(std::to_string(count) + " input(s) but " +
                     std::to_string(net.input_dim_size()) +
                     " input_dim values: give four (N, C, H, W) per input");
  for (int i = 0; i < count; ++i) {
    const std::string& blob = net.input(i);
    const std::string what = "input " + blob;
    std::optional<Shape> shape;
    if (net.input_shape_size() > 0) {
      shape = caffe_frame_shape(what, dims_of(net.input_shape(i)));
    } else if (net.input_dim_size() > 0) {
      const auto* first = net.input_dim().data() + 4 * i;
      shape = caffe_frame_shape(what, std::vector<int64_t>(first, first + 4));
    }
    declare_input(graph, blob, blob, shape, what + " has no shape: " + kShapeHint);
  }
}

void add_caffe_input_layer(CaffeGraph& graph, const caffe::LayerParameter& layer) {
  const std::string what = "layer " + layer.name();
  if (layer.top_size() == 0) throw InputError(what + ": an Input layer needs a top blob");
  const auto& shapes = layer.input_param().shape();
  if (shapes.size() > 1 && shapes.size() != layer.top_size())
    throw InputError(what + ": " + std::to_string(layer.top_size()) + " top(s) but " +
                     std::to_string(shapes.size()) + " shapes in input_param");
  for (int i = 0; i < layer.top_size(); ++i) {
    const std::string& top = layer.top(i);
    std::optional<Shape> shape;
    if (!shapes.empty())
      shape = caffe_frame_shape(what, dims_of(shapes[shapes.size() == 1 ? 0 : i]));
    // One top: the layer keeps its own name; several: each input is named after its blob.
    const std::string name = layer.top_size() == 1 ? layer.name() : top;
    declare_input(graph, name, top, shape,
                  what + ": input_param has no shape for top '" + top +
                      "': give input_param { shape { dim: N dim: C dim: H dim: W } }, or pass "
                      "--input CxHxW");
  }
}

}  // namespace dnne
