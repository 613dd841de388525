#include "importers/onnx_graph.h"

#include <queue>
#include <unordered_set>

#include "util/expected.h"

namespace dnne {

std::string describe_node(const onnx::NodeProto& node) {
  std::string name = node.name();
  if (name.empty() && node.output_size() > 0) name = node.output(0);
  return "'" + name + "' (" + node.op_type() + ")";
}

void throw_node_error(const std::string& path, const onnx::NodeProto& node, int64_t opset,
                      const std::string& what) {
  std::string name = node.name();
  for (int i = 0; name.empty() && i < node.output_size(); ++i) name = node.output(i);
  std::string op = node.op_type();
  if (!node.domain().empty() && node.domain() != "ai.onnx") op = node.domain() + "." + op;
  throw InputError(path + ": node '" + name + "' (" + op + ", opset " + std::to_string(opset) +
                   "): " + what);
}

void sort_onnx_graph(onnx::GraphProto& graph, const std::string& path) {
  const int n = graph.node_size();
  std::unordered_set<std::string> available;
  for (const auto& input : graph.input()) available.insert(input.name());
  for (const auto& init : graph.initializer()) available.insert(init.name());
  std::unordered_map<std::string, int> producer;
  for (int i = 0; i < n; ++i)
    for (const auto& out : graph.node(i).output()) {
      if (out.empty()) continue;
      if (!producer.emplace(out, i).second || available.count(out))
        throw InputError(path + ": node " + describe_node(graph.node(i)) + " writes tensor '" +
                         out + "', which is already produced elsewhere");
    }

  std::vector<int> pending(n, 0);
  std::vector<std::vector<int>> readers(n);
  for (int i = 0; i < n; ++i) {
    for (const auto& in : graph.node(i).input()) {
      if (in.empty() || available.count(in)) continue;  // "" is an omitted optional input
      auto it = producer.find(in);
      if (it == producer.end())
        throw InputError(path + ": node " + describe_node(graph.node(i)) + " reads tensor '" + in +
                         "', which no node, initializer or graph input produces");
      ++pending[i];
      readers[it->second].push_back(i);
    }
  }
  // A min-heap on the file position keeps the order stable.
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0) ready.push(i);
  std::vector<int> order;
  order.reserve(n);
  while (!ready.empty()) {
    const int i = ready.top();
    ready.pop();
    order.push_back(i);
    for (int reader : readers[i])
      if (--pending[reader] == 0) ready.push(reader);
  }
  if (static_cast<int>(order.size()) != n) {
    // Walk back through producers that never ran until a node repeats: it lies on a cycle.
    int node = 0;
    while (pending[node] == 0) ++node;
    std::unordered_set<int> seen;
    while (seen.insert(node).second) {
      for (const auto& in : graph.node(node).input()) {
        auto it = producer.find(in);
        if (!in.empty() && !available.count(in) && it != producer.end() &&
            pending[it->second] > 0) {
          node = it->second;
          break;
        }
      }
    }
    throw InputError(path + ": the graph has a cycle through node " +
                     describe_node(graph.node(node)));
  }
  google::protobuf::RepeatedPtrField<onnx::NodeProto> sorted;
  sorted.Reserve(n);
  for (int i : order) *sorted.Add() = std::move(*graph.mutable_node(i));
  graph.mutable_node()->Swap(&sorted);
}

std::unordered_map<std::string, std::vector<int>> onnx_consumers(const onnx::GraphProto& graph) {
  std::unordered_map<std::string, std::vector<int>> consumers;
  for (int i = 0; i < graph.node_size(); ++i)
    for (const auto& in : graph.node(i).input())
      if (!in.empty()) consumers[in].push_back(i);
  return consumers;
}

}  // namespace dnne
