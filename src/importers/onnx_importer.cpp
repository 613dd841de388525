// The ONNX import pipeline: read (weights dropped) -> check and sort the graph -> fix input
// dims -> ONNX shape inference with constant folding -> map nodes onto layers -> fold
// activations and BatchNorm into their producers.
#include "importers/onnx_importer.h"

#include "graph/fold_fused.h"
#include "importers/onnx_axes.h"
#include "importers/onnx_batch.h"
#include "importers/onnx_context.h"
#include "importers/onnx_graph.h"
#include "importers/onnx_node_mapping.h"
#include "importers/onnx_reader.h"
#include "importers/onnx_shapes.h"
#include "importers/onnx_validate.h"

namespace dnne {

namespace {
Network import(onnx::ModelProto model, const std::string& path, const LoadOptions& options) {
  const int64_t opset = onnx_default_opset(model, path);
  validate_onnx_nodes(model, path);
  sort_onnx_graph(*model.mutable_graph(), path);
  const FrameShapes frames = infer_frame_shapes(model, options, path);  // may replace model
  const onnx::GraphProto& graph = model.graph();
  const DimsTable& dims = frames.dims;
  const int64_t batch = frames.batch;
  check_onnx_axes(graph, dims, path, opset);

  OnnxContext ctx(path, graph, dims, opset, batch, options.allow_unknown);
  for (const onnx::ValueInfoProto* input : data_inputs(graph)) {
    const std::vector<int64_t>& d = dims.at(input->name());
    Shape frame(d.begin(), d.end());
    if (!frame.empty() && frame[0] == batch) frame.erase(frame.begin());
    onnx::NodeProto none;
    ctx.bind(input->name(), ctx.builder().input(input->name(), frame), none);
  }
  for (int i = 0; i < graph.node_size(); ++i) {
    const onnx::NodeProto& node = graph.node(i);
    if (ctx.absorbed(i)) continue;
    if (is_static_node(ctx, node)) {
      for (const auto& out : node.output()) ctx.mark_static(out);
      continue;
    }
    map_onnx_node(ctx, node, i);
  }
  return fold_fused_layers(ctx.builder().build());
}

// The builder's own checks name the layer ("layer conv3: ..."); add the file.
Error with_path(const InputError& e, const std::string& path) {
  std::string message = e.what();
  if (message.rfind(path + ": ", 0) != 0) message = path + ": " + message;
  return Error{message};
}
}  // namespace

Expected<Network> import_onnx(const std::string& path, const LoadOptions& options) {
  try {
    return import(read_onnx_model(path), path, options);
  } catch (const InputError& e) {
    return with_path(e, path);
  }
}

Expected<Network> import_onnx_bytes(const std::string& bytes, const std::string& source,
                                    const LoadOptions& options) {
  try {
    return import(parse_onnx_model(bytes, source), source, options);
  } catch (const InputError& e) {
    return with_path(e, source);
  }
}

}  // namespace dnne
