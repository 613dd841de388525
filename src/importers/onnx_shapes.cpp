#include "importers/onnx_shapes.h"

#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <unordered_set>

#include "importers/onnx_einsum.h"
#include "importers/onnx_inference_guard.h"
#include "importers/onnx_reader.h"
#include "util/expected.h"

namespace dnne {

namespace {
std::string dims_text(const onnx::TensorShapeProto& shape) {
  std::string text;
  for (const auto& d : shape.dim()) {
    if (!text.empty()) text += " x ";
    text += d.has_dim_value() ? std::to_string(d.dim_value())
                              : (d.dim_param().empty() ? "?" : d.dim_param());
  }
  return text;
}

// tf2onnx keeps TensorFlow's NHWC input and transposes it to NCHW first thing.
bool is_nhwc_input(const onnx::GraphProto& graph, const std::string& name) {
  for (const auto& node : graph.node()) {
    if (node.op_type() != "Transpose" || node.input_size() < 1 || node.input(0) != name) continue;
    for (const auto& a : node.attribute())
      if (a.name() == "perm" && a.ints_size() == 4 && a.ints(0) == 0 && a.ints(1) == 3 &&
          a.ints(2) == 1 && a.ints(3) == 2)
        return true;
  }
  return false;
}

// Records a tensor's dims; a dim already known (from another record of the same tensor)
// is kept over an unknown one.
void collect(const onnx::ValueInfoProto& info, DimsTable& table) {
  if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape()) return;
  std::vector<int64_t> dims;
  for (const auto& d : info.type().tensor_type().shape().dim())
    dims.push_back(d.has_dim_value() ? d.dim_value() : -1);
  auto [it, fresh] = table.emplace(info.name(), dims);
  if (fresh) return;
  if (it->second.size() != dims.size()) {
    it->second = std::move(dims);
    return;
  }
  for (size_t i = 0; i < dims.size(); ++i)
    if (dims[i] >= 0) it->second[i] = dims[i];
}

DimsTable collect_dims(const onnx::GraphProto& graph) {
  DimsTable table;
  for (const auto& v : graph.input()) collect(v, table);
  for (const auto& v : graph.value_info()) collect(v, table);
  for (const auto& v : graph.output()) collect(v, table);
  for (const auto& init : graph.initializer())
    table[init.name()] = {init.dims().begin(), init.dims().end()};
  for (const auto& node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      for (const auto& a : node.attribute())
        if (a.name() == "value" && a.has_t())
          table[node.output(0)] = {a.t().dims().begin(), a.t().dims().end()};
  return table;
}
}  // namespace

std::vector<const onnx::ValueInfoProto*> data_inputs(const onnx::GraphProto& graph) {
  std::unordered_set<std::string> initializers;
  for (const auto& init : graph.initializer()) initializers.insert(init.name());
  std::vector<const onnx::ValueInfoProto*> inputs;
  for (const auto& input : graph.input())
    if (!initializers.count(input.name())) inputs.push_back(&input);
  return inputs;
}

int64_t fix_input_dims(onnx::GraphProto& graph, const InputSetup& setup, const std::string& path) {
  bool first = true;
  int64_t first_batch = setup.batch;
  for (const onnx::ValueInfoProto* const_input : data_inputs(graph)) {
    auto* input = const_cast<onnx::ValueInfoProto*>(const_input);
    const std::string where = path + ": input '" + input->name() + "'";
    if (!input->type().has_tensor_type()) throw InputError(where + " is not a tensor");
    auto* tensor_type = input->mutable_type()->mutable_tensor_type();
    if (!tensor_type->has_shape()) {
      if (!first || !setup.input)
        throw InputError(where + " has no shape; pass --input CxHxW to give it one");
      for (int i = 0; i < 4; ++i) tensor_type->mutable_shape()->add_dim();
    }
    auto* shape = tensor_type->mutable_shape();
    const std::string original = dims_text(*shape);
    if (first && setup.input) {
      const Shape& chw = *setup.input;
      if (shape->dim_size() != 4)
        throw InputError(where + " has rank " + std::to_string(shape->dim_size()) + " (" +
                         dims_text(*shape) + "); --input CxHxW needs a rank-4 image input");
      const bool nhwc = is_nhwc_input(graph, input->name());
      const Shape order = nhwc ? Shape{chw[1], chw[2], chw[0]} : chw;
      for (int i = 0; i < 3; ++i) shape->mutable_dim(i + 1)->set_dim_value(order[i]);
    }
    if (first && shape->dim_size() > 0 && shape->dim(0).has_dim_value() &&
        shape->dim(0).dim_value() > 0)
      first_batch = shape->dim(0).dim_value();
    // --input can fix only the first input, and only an image one.
    const std::string hint = first && shape->dim_size() == 4
                                 ? "pass --input CxHxW to fix the input size"
                                 : "export the model with this dimension fixed (--input sets "
                                   "only the first input, of rank 4)";
    first = false;
    for (int i = 0; i < shape->dim_size(); ++i) {
      auto* dim = shape->mutable_dim(i);
      if (dim->has_dim_value() && dim->dim_value() > 0) continue;
      if (i == 0) {
        dim->set_dim_value(setup.batch);  // the batch: the IR is per frame
        continue;
      }
      throw InputError(where + " has symbolic dimension '" +
                       (dim->dim_param().empty() ? "?" : dim->dim_param()) + "' at axis " +
                       std::to_string(i) + " (shape " + original + "); " + hint);
    }
  }
  return first_batch;
}

// ONNX 1.12 infers Einsum's output rank only: add the dims as value_info for the next round.
int complete_einsum_shapes(onnx::GraphProto& graph, const DimsTable& dims) {
  auto known = [&](const std::string& t) {
    auto it = dims.find(t);
    return it != dims.end() &&
           std::all_of(it->second.begin(), it->second.end(), [](int64_t d) { return d >= 0; });
  };
  int added = 0;
  for (const auto& node : graph.node()) {
    if (node.op_type() != "Einsum" || node.input_size() != 2 || node.output_size() != 1) continue;
    if (known(node.output(0)) || !known(node.input(0)) || !known(node.input(1))) continue;
    std::string equation;
    for (const auto& a : node.attribute())
      if (a.name() == "equation") equation = a.s();
    const auto eq = parse_einsum(equation);
    if (!eq) continue;
    const auto out = einsum_output_dims(*eq, dims.at(node.input(0)), dims.at(node.input(1)));
    if (!out) continue;
    onnx::ValueInfoProto* info = nullptr;
    for (auto& v : *graph.mutable_value_info())
      if (v.name() == node.output(0)) info = &v;
    for (auto& v : *graph.mutable_output())
      if (v.name() == node.output(0)) info = &v;
    if (!info) {
      info = graph.add_value_info();
      info->set_name(node.output(0));
    }
    auto* tensor = info->mutable_type()->mutable_tensor_type();
    tensor->clear_shape();
    for (int64_t d : *out) tensor->mutable_shape()->add_dim()->set_dim_value(d);
    ++added;
  }
  return added;
}

DimsTable infer_onnx_shapes(onnx::ModelProto& model, const std::string& path) {
  const int64_t opset = onnx_default_opset(model, path);
  auto& graph = *model.mutable_graph();
  // Shapes recorded by the exporter are for its own input size; --input may change them.
  graph.clear_value_info();
  for (auto& output : *graph.mutable_output())
    if (output.type().has_tensor_type())
      output.mutable_type()->mutable_tensor_type()->clear_shape();

  // ONNX aborts inference on a node whose domain has no opset_import; declaring it lets the
  // node be reported by name (as unsupported) instead.
  std::unordered_set<std::string> domains;
  for (const auto& opset : model.opset_import()) domains.insert(opset.domain());
  for (const auto& node : graph.node())
    if (domains.insert(node.domain()).second) {
      auto* opset = model.add_opset_import();
      opset->set_domain(node.domain());
      opset->set_version(1);
    }

  const onnx::ShapeInferenceOptions options(/*check_type=*/false, /*strict_mode=*/0,
                                            /*data_prop=*/true);
  DimsTable dims;
  // ONNX's schemas with the functions that index unchecked dims guarded
  // (onnx_inference_guard.h); a node they refuse is named by check_inference_ranks.
  const GuardedSchemas schemas;
  // Each round resolves the shape arithmetic that reads the shapes the previous round
  // inferred: a static export needs two or three, a dynamic-size export one per block that
  // reshapes from its own input's Shape (ShuffleNetV2 has 16). The cap only guards against
  // a graph that never settles.
  for (int round = 0; round < 1000; ++round) {
    onnx::shape_inference::InferShapes(model, &schemas, options);
    dims = collect_dims(graph);
    check_inference_ranks(graph, dims, path, opset);
    if (!schemas.first_refusal().empty())  // refused, but the inferred dims do not show why
      throw InputError(path + ": ONNX shape inference refused a node: " + schemas.first_refusal());
    if (fold_shape_constants(graph, dims, path, opset) + complete_einsum_shapes(graph, dims) == 0)
      break;
  }
  return dims;
}

}  // namespace dnne
