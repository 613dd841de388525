#include "graph/layer.h"

namespace dnne {

std::string_view kind_name(LayerKind kind) {
  switch (kind) {
    case LayerKind::kInput: return "input";
    case LayerKind::kConv: return "conv";
    case LayerKind::kFc: return "fc";
    case LayerKind::kMatMul: return "matmul";
    case LayerKind::kPool: return "pool";
    case LayerKind::kEltwise: return "eltwise";
    case LayerKind::kConcat: return "concat";
    case LayerKind::kFused: return "fused";
    case LayerKind::kShape: return "shape";
    case LayerKind::kResample: return "resample";
    case LayerKind::kUnknown: return "unknown";
  }
  return "?";
}

}  // namespace dnne
