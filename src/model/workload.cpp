// make_workload: the stage-layer view of a network (model/workload.h; docs/models.md 2).
#include "model/workload.h"

#include <algorithm>
#include <cmath>

namespace dnne {

namespace {
bool is_stage_kind(LayerKind kind) {
  switch (kind) {
    case LayerKind::kConv:
    case LayerKind::kFc:
    case LayerKind::kMatMul:
    case LayerKind::kPool:
    case LayerKind::kEltwise:
    case LayerKind::kFused:
    case LayerKind::kResample:
    case LayerKind::kConcat:
      return true;
    case LayerKind::kInput:
    case LayerKind::kShape:
    case LayerKind::kUnknown:
      return false;
  }
  return false;
}

// The convolution view of one layer (workload.h): input C x H x W, output M x R x Q.
void fill_dimensions(const Network& net, const Layer& layer, StageLayer& s) {
  const std::vector<Shape> ins = net.input_shapes(layer);
  const FeatureMap in = ins.empty() ? FeatureMap{} : as_feature_map(ins.front());
  const FeatureMap out = as_feature_map(layer.output);
  s.C = in.channels, s.H = in.height, s.W = in.width;
  s.M = out.channels, s.R = out.height, s.Q = out.width;
  if (const ConvAttrs* a = layer.conv()) {
    s.kh = a->kernel_h, s.kw = a->kernel_w, s.stride_h = a->stride_h, s.stride_w = a->stride_w;
    s.groups = a->groups;
    s.span_h = a->dilation_h * (a->kernel_h - 1) + 1;
    s.span_w = a->dilation_w * (a->kernel_w - 1) + 1;
    if (a->transposed) {
      // ConvTranspose scatters every input pixel through the kernel: its MAC loop runs over
      // the input's H x W (MACs = C*H*W*(M/g)*Kh*Kw), so R x Q take the input's extent and
      // the window advances one input column at a time.
      s.R = in.height, s.Q = in.width;
      s.stride_h = s.stride_w = 1;
    }
  } else if (const PoolAttrs* p = layer.pool()) {
    if (p->global) {
      s.kh = static_cast<int>(s.H), s.kw = static_cast<int>(s.W);
    } else {
      s.kh = p->kernel_h, s.kw = p->kernel_w, s.stride_h = p->stride_h, s.stride_w = p->stride_w;
    }
    s.span_h = s.kh, s.span_w = s.kw;
  } else if (layer.is_dense_product()) {
    // rows x K by K x N: C = K, M = N, R = rows; one "column" (W = Q = 1).
    const Shape& a = ins.front();
    s.C = a.empty() ? 1 : a.back();
    s.M = layer.output.empty() ? 1 : layer.output.back();
    s.R = s.M > 0 ? element_count(layer.output) / s.M : 1;
    s.H = s.R, s.W = 1, s.Q = 1;
  } else if (ins.size() > 1) {
    // Multi-input element-wise/concat: summed channels (workload.h).
    s.C = 0;
    for (const Shape& shape : ins) s.C += as_feature_map(shape).channels;
  }
  s.C = std::max<int64_t>(1, s.C), s.H = std::max<int64_t>(1, s.H);
  s.W = std::max<int64_t>(1, s.W), s.M = std::max<int64_t>(1, s.M);
  s.R = std::max<int64_t>(1, s.R), s.Q = std::max<int64_t>(1, s.Q);
  s.groups = std::max(1, s.groups);
}

// Input columns a stage holds before it can emit its first output column: Kw + S for a
// window (DNNBuilder's column cache), everything for a dense product (the flattened map),
// one column for element-wise operators.
double fill_columns(const StageLayer& s) {
  switch (s.kind) {
    case LayerKind::kConv:
    case LayerKind::kPool:
      return static_cast<double>(std::min<int64_t>(s.span_w + s.stride_w, s.W));
    case LayerKind::kFc:
    case LayerKind::kMatMul:
      return static_cast<double>(s.W);
    default:
      return 1.0;
  }
}
}  // namespace

Workload make_workload(const Network& network) {
  Workload w;
  w.name = network.name();
  // Stage index of every layer, or the stages (-1 = network input) a wiring layer forwards.
  std::vector<std::vector<int>> sources(network.size());
  for (const Layer& layer : network.layers()) {
    auto& src = sources[static_cast<size_t>(layer.id)];
    if (layer.kind == LayerKind::kInput) {
      src = {-1};
    } else if (is_stage_kind(layer.kind)) {
      src = {w.stage_count()};
      StageLayer s;
      s.layer = layer.id;
      s.kind = layer.kind;
      fill_dimensions(network, layer, s);
      s.macs = layer.macs;
      s.other_ops = layer.other_ops;
      s.weight_elements = layer.params;
      s.batch_norm = std::any_of(layer.fused_ops.begin(), layer.fused_ops.end(),
                                 [](const std::string& op) {
                                   return op == "BatchNormalization" || op == "BatchNorm";
                                 });
      s.input_elements = network.input_elements(layer);
      s.output_elements = element_count(layer.output);
      for (LayerId in : layer.inputs) {
        for (int p : sources[static_cast<size_t>(in)]) {
          if (p == -1) s.external_input_elements += element_count(network.layer(in).output);
          if (std::find(s.producer_stages.begin(), s.producer_stages.end(), p) ==
              s.producer_stages.end())
            s.producer_stages.push_back(p);
        }
      }
      w.total_macs += s.macs;
      w.stages.push_back(std::move(s));
    } else {
      for (LayerId in : layer.inputs)
        for (int p : sources[static_cast<size_t>(in)])
          if (std::find(src.begin(), src.end(), p) == src.end()) src.push_back(p);
    }
  }

  // Consumers, fill columns and skip buffers. Fill times are counted in network-input
  // columns, assuming every stage streams at the input's column rate (design-independent):
  // a producer emits column k of Q_p at start_p + k * W_net / Q_p (docs/models.md 3.5).
  const double w_net = static_cast<double>(as_feature_map(network.input_shape()).width);
  std::vector<double> start(w.stages.size(), 0.0);
  for (size_t i = 0; i < w.stages.size(); ++i) {
    StageLayer& s = w.stages[i];
    const double fraction = fill_columns(s) / static_cast<double>(s.W);
    double ready = 0;
    std::vector<double> arrival;
    for (int p : s.producer_stages) {
      const double q_p = p >= 0 ? static_cast<double>(w.stage(p).Q) : w_net;
      const double need = std::ceil(fraction * q_p);
      s.producer_columns.push_back(need);
      const double start_p = p >= 0 ? start[static_cast<size_t>(p)] : 0.0;
      arrival.push_back(start_p + need * w_net / q_p);
      ready = std::max(ready, arrival.back());
      if (p >= 0) {
        auto& consumers = w.stage(p).consumer_stages;
        if (consumers.empty() || consumers.back() != static_cast<int>(i))
          consumers.push_back(static_cast<int>(i));
      }
    }
    start[i] = ready;
    if (s.producer_stages.size() < 2) continue;
    for (size_t k = 0; k < s.producer_stages.size(); ++k) {
      const int p = s.producer_stages[k];
      if (p < 0) continue;  // the network input waits in DRAM, not on chip
      const StageLayer& prod = w.stage(p);
      const double waiting = (ready - arrival[k]) * static_cast<double>(prod.Q) / w_net;
      const int64_t columns =
          std::min<int64_t>(prod.Q, static_cast<int64_t>(std::ceil(waiting - 1e-9)));
      s.skip_elements += columns * (prod.output_elements / prod.Q);
    }
  }
  return w;
}

StageNames stage_names(const Workload& workload, const Network& network) {
  StageNames names{.network = workload.name};
  names.layers.reserve(workload.stages.size());
  for (const StageLayer& stage : workload.stages) names.layers.push_back(network.layer(stage.layer).name);
  return names;
}

}  // namespace dnne
