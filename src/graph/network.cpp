#include "graph/network.h"

#include <stdexcept>
#include <utility>

namespace dnne {

Network::Network(std::string name, std::vector<Layer> layers)
    : name_(std::move(name)), layers_(std::move(layers)), consumers_(layers_.size()) {
  for (const Layer& layer : layers_) {
    if (layer.id != static_cast<LayerId>(&layer - layers_.data()))
      throw std::logic_error("Network: layer ids must equal their positions");
    for (LayerId producer : layer.inputs) {
      if (producer < 0 || producer >= layer.id)
        throw std::logic_error("Network: layer " + layer.name + " is not in topological order");
      consumers_[static_cast<size_t>(producer)].push_back(layer.id);
    }
    if (layer.kind == LayerKind::kInput) inputs_.push_back(layer.id);
    totals_.macs += layer.macs;
    if (layer.kind == LayerKind::kConv) totals_.conv_macs += layer.macs;
    if (layer.is_dense_product()) totals_.fc_macs += layer.macs;
    totals_.params += layer.params;
    totals_.other_ops += layer.other_ops;
  }
}

const Shape& Network::input_shape() const {
  static const Shape kEmpty;
  return inputs_.empty() ? kEmpty : layer(inputs_.front()).output;
}

std::vector<Shape> Network::input_shapes(const Layer& layer) const {
  std::vector<Shape> shapes;
  shapes.reserve(layer.inputs.size());
  for (LayerId producer : layer.inputs) shapes.push_back(this->layer(producer).output);
  return shapes;
}

int64_t Network::input_elements(const Layer& layer) const {
  int64_t total = 0;
  for (LayerId producer : layer.inputs) total += element_count(this->layer(producer).output);
  return total;
}

std::vector<LayerId> Network::unknown_layers() const {
  std::vector<LayerId> ids;
  for (const Layer& layer : layers_)
    if (layer.kind == LayerKind::kUnknown) ids.push_back(layer.id);
  return ids;
}

}  // namespace dnne
