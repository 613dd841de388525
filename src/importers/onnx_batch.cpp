#include "importers/onnx_batch.h"

#include <algorithm>
#include <optional>

#include "importers/onnx_graph.h"
#include "importers/onnx_shapes.h"
#include "util/checked_int.h"
#include "util/expected.h"

namespace dnne {

namespace {
DimsTable infer(onnx::ModelProto& model, const std::string& path) {
  try {
    return infer_onnx_shapes(model, path);
  } catch (const InputError&) {
    throw;                             // ours, already naming the file and node
  } catch (const std::exception& e) {  // ONNX reports some inference failures as exceptions
    std::string what = e.what();
    std::replace(what.begin(), what.end(), '\n', ' ');  // errors are one line
    throw InputError(path + ": ONNX shape inference failed: " + what);
  }
}

bool known(const DimsTable& dims, const std::string& tensor) {
  auto it = dims.find(tensor);
  return it != dims.end() &&
         std::all_of(it->second.begin(), it->second.end(), [](int64_t d) { return d >= 0; });
}

// The first node output known in `reference` but not in `dims`, or nullptr.
const onnx::NodeProto* first_lost(const onnx::GraphProto& graph, const DimsTable& reference,
                                  const DimsTable& dims, std::string& tensor) {
  for (const auto& node : graph.node())
    for (const auto& out : node.output())
      if (!out.empty() && known(reference, out) && !known(dims, out)) {
        tensor = out;
        return &node;
      }
  return nullptr;
}

// The element count, nullopt past int64: inferred dims are a file's numbers (a Reshape to
// INT64_MAX), so the product is checked like every count from a file.
std::optional<int64_t> elements(const DimsTable& dims, const std::string& tensor) {
  std::optional<int64_t> n = 1;
  for (int64_t d : dims.at(tensor))
    if (n) n = checked_mul(*n, d);
  return n;
}

// Re-batching to 1 is sound when every tensor is known at batch 1 and every node that
// reads a batch-carrying tensor (N times more elements at batch N) writes batch-carrying
// tensors too; Shape and Size excepted. A Reshape whose target bakes in N breaks this.
bool rebatch_is_sound(const onnx::GraphProto& graph, const DimsTable& at_one, const DimsTable& at_n,
                      int64_t n) {
  // A count past int64 proves nothing: re-batching is then not sound.
  auto scales = [&](const std::string& t) {
    if (!known(at_n, t)) return false;
    const auto at_n_count = elements(at_n, t), at_one_count = elements(at_one, t);
    if (!at_n_count || !at_one_count) return false;
    const auto expected = checked_mul(n, *at_one_count);
    return expected && *at_n_count == *expected;
  };
  for (const auto& node : graph.node()) {
    for (const auto& out : node.output())
      if (!out.empty() && !known(at_one, out)) return false;
    if (node.op_type() == "Shape" || node.op_type() == "Size") continue;
    const bool reads_batch = std::any_of(
        node.input().begin(), node.input().end(),
        [&](const std::string& in) { return !in.empty() && known(at_one, in) && scales(in); });
    if (!reads_batch) continue;
    for (const auto& out : node.output())
      if (!out.empty() && !scales(out)) return false;
  }
  return true;
}

int first_input_rank(const onnx::GraphProto& graph) {
  const auto inputs = data_inputs(graph);
  if (inputs.empty() || !inputs[0]->type().tensor_type().has_shape()) return 0;
  return inputs[0]->type().tensor_type().shape().dim_size();
}

// Sets the first dim of every input of rank >= 3 whose first dim is `batch` to 1.
void rebatch(onnx::GraphProto& graph, int64_t batch) {
  for (const auto* input : data_inputs(graph)) {
    auto* shape = const_cast<onnx::ValueInfoProto*>(input)
                      ->mutable_type()
                      ->mutable_tensor_type()
                      ->mutable_shape();
    if (shape->dim_size() >= 3 && shape->dim(0).has_dim_value() &&
        shape->dim(0).dim_value() == batch)
      shape->mutable_dim(0)->set_dim_value(1);
  }
}
}  // namespace

FrameShapes infer_frame_shapes(onnx::ModelProto& model, const LoadOptions& options,
                               const std::string& path) {
  const onnx::ModelProto original = model;
  auto& graph = *model.mutable_graph();
  const int64_t first_batch = fix_input_dims(graph, {.input = options.input, .batch = 1}, path);
  if (first_batch > 1 && first_input_rank(graph) >= 3) {
    onnx::ModelProto trial = model;
    rebatch(*trial.mutable_graph(), first_batch);
    DimsTable at_one = infer(trial, path);
    DimsTable at_n = infer(model, path);
    if (rebatch_is_sound(trial.graph(), at_one, at_n, first_batch)) {
      model = std::move(trial);
      return {.dims = std::move(at_one), .batch = 1};
    }
    return {.dims = std::move(at_n), .batch = first_batch};
  }
  FrameShapes frames{.dims = infer(model, path), .batch = 1};
  if (options.batch != 1 && first_batch == 1) {
    onnx::ModelProto at_batch = original;
    fix_input_dims(*at_batch.mutable_graph(), {.input = options.input, .batch = options.batch},
                   path);
    const DimsTable dims = infer(at_batch, path);
    std::string tensor;
    if (const auto* node = first_lost(at_batch.graph(), frames.dims, dims, tensor))
      throw InputError(path + ": node " + describe_node(*node) + " cannot take --batch " +
                       std::to_string(options.batch) + " (the shape of '" + tensor +
                       "' is then unknown)");
  }
  return frames;
}

}  // namespace dnne
