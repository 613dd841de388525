// Structural checks and ordering of an ONNX graph before anything reads shapes.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace dnne {

// "'conv1' (Conv)": how messages name a node; unnamed nodes are named by their first output.
std::string describe_node(const onnx::NodeProto& node);

// Throws InputError "PATH: node 'c1' (Conv, opset 13): WHAT": how every error about one node
// reads (unnamed nodes by their first output, operators outside ai.onnx with their domain).
[[noreturn]] void throw_node_error(const std::string& path, const onnx::NodeProto& node,
                                   int64_t opset, const std::string& what);

// Reorders graph.node topologically (Kahn's algorithm, stable: the file's order wherever the
// graph allows). Throws InputError naming `path` and the node when a node reads a tensor that
// no node, initializer or graph input produces, when two nodes write one tensor, or when the
// graph has a cycle.
void sort_onnx_graph(onnx::GraphProto& graph, const std::string& path);

// For each tensor, the indices of the nodes that read it (graph order, after sorting).
std::unordered_map<std::string, std::vector<int>> onnx_consumers(const onnx::GraphProto& graph);

}  // namespace dnne
