#include "graph/layer.h"

#include "util/enum_names.h"

namespace dnne {

namespace {
constexpr auto kKinds = enum_names<LayerKind>({{LayerKind::kInput, "input"},
                                               {LayerKind::kConv, "conv"},
                                               {LayerKind::kFc, "fc"},
                                               {LayerKind::kMatMul, "matmul"},
                                               {LayerKind::kPool, "pool"},
                                               {LayerKind::kEltwise, "eltwise"},
                                               {LayerKind::kConcat, "concat"},
                                               {LayerKind::kFused, "fused"},
                                               {LayerKind::kShape, "shape"},
                                               {LayerKind::kResample, "resample"},
                                               {LayerKind::kUnknown, "unknown"}});
static_assert(kKinds.covers(LayerKind::kUnknown));
}  // namespace

std::string_view kind_name(LayerKind kind) {
  return kKinds.name(kind);
}

}  // namespace dnne
