#include "importers/onnx_axes.h"

#include <set>

#include "importers/onnx_graph.h"

namespace dnne {

namespace {
void check_node(const onnx::NodeProto& node, int64_t rank, const std::string& input,
                const std::string& path, int64_t opset) {
  const std::string& op = node.op_type();
  const auto fail = [&](const std::string& what) {
    throw_node_error(path, node, opset,
                     what + " (input '" + input + "' has rank " + std::to_string(rank) + ")");
  };
  for (const auto& a : node.attribute()) {
    if (a.name() == "perm" && op == "Transpose") {
      std::set<int64_t> seen;
      for (int64_t p : a.ints())
        if (p < 0 || p >= rank || !seen.insert(p).second)
          fail("perm is not a permutation of 0.." + std::to_string(rank - 1));
      if (static_cast<int64_t>(seen.size()) != rank)
        fail("perm has " + std::to_string(seen.size()) + " values, expected " +
             std::to_string(rank));
      continue;
    }
    const bool single = a.name() == "axis" && a.type() == onnx::AttributeProto::INT;
    const bool list = a.name() == "axes" && a.type() == onnx::AttributeProto::INTS;
    if (!single && !list) continue;
    // The rank the axes index, and whether the upper end is inclusive.
    int64_t r = rank, hi_extra = 0;
    if (op == "Unsqueeze") r = rank + a.ints_size();
    if (op == "Flatten" || op == "OneHot") hi_extra = 1;
    const int64_t lo = -r - (op == "OneHot" ? 1 : 0), hi = r - 1 + hi_extra;
    std::set<int64_t> seen;
    const auto check = [&](int64_t v) {
      if (v < lo || v > hi)
        fail(a.name() + " " + std::to_string(v) + " is outside [" + std::to_string(lo) + ", " +
             std::to_string(hi) + "]");
      if (list && !seen.insert(v < 0 ? v + r : v).second)
        fail("axes lists axis " + std::to_string(v) + " twice");
    };
    if (single) check(a.i());
    for (int64_t v : a.ints()) check(v);
  }
}
}  // namespace

void check_onnx_axes(const onnx::GraphProto& graph, const DimsTable& dims, const std::string& path,
                     int64_t opset) {
  for (const auto& node : graph.node()) {
    if (!node.domain().empty() && node.domain() != "ai.onnx") continue;
    if (node.input_size() == 0 || node.input(0).empty()) continue;
    const auto it = dims.find(node.input(0));
    if (it == dims.end()) continue;  // rank unknown: the mapper reports the missing shape
    check_node(node, static_cast<int64_t>(it->second.size()), node.input(0), path, opset);
  }
}

}  // namespace dnne
