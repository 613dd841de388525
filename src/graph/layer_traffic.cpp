#include "graph/layer_traffic.h"

namespace dnne {

LayerTraffic layer_traffic(const Network& network, const Layer& layer, int precision_bits) {
  const int64_t bytes_per_element = precision_bits / 8;
  LayerTraffic traffic;
  if (layer.kind == LayerKind::kInput) return traffic;
  traffic.input_bytes = network.input_elements(layer) * bytes_per_element;
  traffic.output_bytes = element_count(layer.output) * bytes_per_element;
  traffic.weight_bytes = layer.params * bytes_per_element;
  const int64_t bytes = traffic.total_bytes();
  if (bytes > 0 && layer.kind != LayerKind::kShape)
    traffic.ctc = static_cast<double>(layer.ops()) / static_cast<double>(bytes);
  return traffic;
}

}  // namespace dnne
