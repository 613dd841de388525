#include "graph/fold_fused.h"

#include <utility>

#include "graph/layer_counts.h"

namespace dnne {

namespace {
bool can_absorb(LayerKind kind) {
  return kind == LayerKind::kConv || kind == LayerKind::kFc || kind == LayerKind::kMatMul ||
         kind == LayerKind::kEltwise;
}

bool is_batch_norm(const std::string& op) {
  return op == "BatchNormalization" || op == "BatchNorm" || op == "Scale";
}
}  // namespace

Network fold_fused_layers(const Network& network) {
  const auto& layers = network.layers();
  // target[i]: the layer that stands for layer i after folding (itself, or its producer).
  std::vector<LayerId> target(layers.size());
  std::vector<bool> folded(layers.size(), false);
  for (const Layer& layer : layers) {
    target[layer.id] = layer.id;
    if (layer.kind != LayerKind::kFused || layer.inputs.size() != 1) continue;
    const LayerId producer = target[layer.inputs[0]];
    // The original producer must have this layer as its only consumer.
    if (network.consumers(layer.inputs[0]).size() != 1) continue;
    if (!can_absorb(layers[producer].kind)) continue;
    target[layer.id] = producer;
    folded[layer.id] = true;
  }

  std::vector<LayerId> new_id(layers.size(), -1);
  std::vector<Layer> out;
  for (const Layer& layer : layers) {
    if (folded[layer.id]) {
      Layer& host = out[new_id[target[layer.id]]];
      host.fused_ops.push_back(layer.op);
      if (is_batch_norm(layer.op)) {
        if (auto* conv = std::get_if<ConvAttrs>(&host.attrs)) conv->bias = true;
        if (auto* fc = std::get_if<FcAttrs>(&host.attrs)) fc->bias = true;
      }
      continue;
    }
    Layer copy = layer;
    copy.id = static_cast<LayerId>(out.size());
    for (LayerId& producer : copy.inputs) producer = new_id[target[producer]];
    new_id[layer.id] = copy.id;
    out.push_back(std::move(copy));
  }
  for (Layer& layer : out) {
    std::vector<Shape> shapes;
    for (LayerId producer : layer.inputs) shapes.push_back(out[producer].output);
    count_layer(layer, shapes);
  }
  return Network(network.name(), std::move(out));
}

}  // namespace dnne
