#include "importers/onnx_validate.h"

#include <onnx/checker.h>
#include <onnx/defs/schema.h>

#include <unordered_map>
#include <unordered_set>

#include "importers/onnx_graph.h"
#include "util/checked_int.h"
#include "util/expected.h"

namespace dnne {

namespace {

// Operators with a sliding window (ONNX operator definitions): their kernel_shape, strides,
// dilations, pads and output_padding must agree in length and lie in range.
bool has_window(const std::string& op) {
  static const std::unordered_set<std::string> kOps = {
      "Conv",    "ConvTranspose", "ConvInteger", "QLinearConv", "DeformConv",
      "MaxPool", "AveragePool",   "LpPool",      "MaxUnpool",   "QLinearAveragePool"};
  return kOps.count(op) > 0;
}

class NodeChecker {
 public:
  // Messages name the node as OnnxContext::fail does: "m.onnx: node 'c1' (Conv, opset 13): ".
  NodeChecker(const onnx::NodeProto& node, const std::string& path, int64_t opset)
      : node_(node), path_(path), opset_(opset) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw_node_error(path_, node_, opset_, what);
  }

  // Every value of an INTS attribute in [lo, hi]; returns how many there are (-1 if absent).
  int ints_in(const std::string& name, int64_t lo, int64_t hi) const {
    for (const auto& a : node_.attribute()) {
      if (a.name() != name) continue;
      for (int64_t v : a.ints())
        if (v < lo || v > hi) fail(outside_range(name, v, lo, hi));
      return a.ints_size();
    }
    return -1;
  }
  void int_in(const std::string& name, int64_t lo, int64_t hi) const {
    for (const auto& a : node_.attribute())
      if (a.name() == name && (a.i() < lo || a.i() > hi)) fail(outside_range(name, a.i(), lo, hi));
  }

  void window() const {
    const int kernel = ints_in("kernel_shape", 1, kMaxWindowValue);
    const int strides = ints_in("strides", 1, kMaxWindowValue);
    const int dilations = ints_in("dilations", 1, kMaxWindowValue);
    const int pads = ints_in("pads", 0, kMaxWindowValue);
    const int output_padding = ints_in("output_padding", 0, kMaxWindowValue);
    const int output_shape = ints_in("output_shape", 1, int64_t{1} << 40);
    int_in("group", 1, kMaxWindowValue);
    // The spatial rank: kernel_shape's length when given, else the first per-axis attribute.
    int rank = kernel;
    for (int n : {strides, dilations, output_padding, output_shape})
      if (rank < 0) rank = n;
    if (rank < 0 && pads >= 0 && pads % 2 != 0)
      fail("pads has " + std::to_string(pads) + " values, expected 2 per spatial axis");
    if (rank < 0 && pads >= 0) rank = pads / 2;
    if (rank == 0) fail("window attributes with no spatial axis");
    const std::pair<const char*, int> per_axis[] = {
        {"strides", strides}, {"dilations", dilations}, {"output_padding", output_padding}};
    for (const auto& [name, n] : per_axis)
      if (n >= 0 && n != rank)
        fail(std::string(name) + " has " + std::to_string(n) + " values, expected " +
             std::to_string(rank) + " (one per spatial axis)");
    if (pads >= 0 && pads != 2 * rank)
      fail("pads has " + std::to_string(pads) + " values, expected " + std::to_string(2 * rank) +
           " (begin and end of each spatial axis)");
    if (output_shape >= 0 && output_shape != rank && output_shape != rank + 2)
      fail("output_shape has " + std::to_string(output_shape) + " values, expected " +
           std::to_string(rank));
  }

 private:
  const onnx::NodeProto& node_;
  const std::string& path_;
  int64_t opset_;
};

int64_t opset_of(const onnx::ModelProto& model, const std::string& domain) {
  for (const auto& opset : model.opset_import())
    if (opset.domain() == domain || (domain == "ai.onnx" && opset.domain().empty()) ||
        (domain.empty() && opset.domain() == "ai.onnx"))
      return opset.version();
  return -1;
}

}  // namespace

void validate_onnx_nodes(const onnx::ModelProto& model, const std::string& path) {
  const onnx::GraphProto& graph = model.graph();
  const int64_t default_opset = opset_of(model, "");
  std::unordered_set<std::string> names, produced;
  for (const auto& input : graph.input()) produced.insert(input.name());
  for (const auto& init : graph.initializer()) produced.insert(init.name());
  for (const auto& node : graph.node()) {
    NodeChecker check(node, path, default_opset);
    if (!node.name().empty() && !names.insert(node.name()).second)
      check.fail("another node has the same name (ONNX requires unique node names)");
    bool writes = false;
    for (const auto& out : node.output()) {
      writes = writes || !out.empty();
      produced.insert(out);
    }
    if (!writes) check.fail("writes no tensor (a node needs at least one output)");
    for (const auto& a : node.attribute())
      if (a.has_g() || a.graphs_size() > 0)
        check.fail("holds a subgraph (attribute '" + a.name() +
                   "'); control flow (If, Loop, Scan) is not supported");
    // The schema's own verification (what onnx::checker runs per node): input and output
    // counts, attribute names and types, required attributes.
    const int64_t opset = opset_of(model, node.domain());
    if (opset > 0 && opset <= INT32_MAX) {
      const auto* schema =
          onnx::OpSchemaRegistry::Schema(node.op_type(), static_cast<int>(opset), node.domain());
      if (schema) {
        try {
          schema->Verify(node);
        } catch (const onnx::checker::ValidationError& e) {
          std::string what = e.what();
          // ONNX appends "==> Context: Bad node spec ..." with the whole node: drop it.
          const size_t context = what.find("==> Context");
          if (context != std::string::npos) what.erase(context);
          while (!what.empty() && (what.back() == ' ' || what.back() == '\n')) what.pop_back();
          check.fail("not a valid " + node.op_type() + " node (ONNX checker: " + what + ")");
        }
      }
    }
    if (has_window(node.op_type())) check.window();
  }
  for (const auto& output : graph.output())
    if (!produced.count(output.name()))
      throw InputError(path + ": graph output '" + output.name() +
                       "' is produced by no node, initializer or input");
}

}  // namespace dnne
