#include "search/generic_bound.h"

#include <algorithm>

#include "model/generic_layer.h"

namespace dnne {

namespace {
int64_t ceil_div(int64_t a, int64_t b) {
  return (a + b - 1) / b;
}
}  // namespace

GenericFloor::GenericFloor(const Workload& workload, int split_point, int precision_bits,
                           double link_bytes_per_cycle, const StageClasses* classes)
    : link_(link_bytes_per_cycle) {
  const double bytes = precision_bits / 8.0;
  std::vector<int> slot;  // class -> its entry in layers_
  if (classes) slot.assign(static_cast<size_t>(classes->count()), -1);
  for (size_t i = static_cast<size_t>(std::max(0, split_point)); i < workload.stages.size(); ++i) {
    if (classes) {
      int& at = slot[static_cast<size_t>(classes->class_of[i])];
      if (at >= 0) {
        layers_[static_cast<size_t>(at)].count += 1;
        continue;
      }
      at = static_cast<int>(layers_.size());
    }
    const StageLayer& s = workload.stages[i];
    Layer l;
    l.mac = s.kind == LayerKind::kConv || s.kind == LayerKind::kFc || s.kind == LayerKind::kMatMul;
    l.winograd_shape = s.kind == LayerKind::kConv && s.kh == 3 && s.kw == 3;
    const int64_t g = std::max(1, s.groups);
    l.m = std::max<int64_t>(1, s.M);
    l.cg = std::max<int64_t>(1, s.C / g);
    l.r = std::max<int64_t>(1, s.R);
    l.q = std::max<int64_t>(1, s.Q);
    l.rq = l.r * l.q;
    l.k2 = l.mac ? static_cast<int64_t>(s.kh) * s.kw
                 : (s.kind == LayerKind::kPool ? static_cast<int64_t>(s.kh) * s.kw : 1);
    l.kh = std::max(1, s.kh);
    l.kw = std::max(1, s.kw);
    l.packable = s.kind == LayerKind::kConv && g == 1;
    l.out_bytes = static_cast<double>(s.output_elements) * bytes;
    l.weights_per_frame = s.kind == LayerKind::kMatMul;
    if (l.mac)
      l.weight_bytes =
          static_cast<double>(l.weights_per_frame ? s.C * s.M : s.M * l.cg * l.k2) * bytes;
    layers_.push_back(l);
  }
}

double GenericFloor::cycles(int64_t p_in, int64_t p_out, int winograd_m, int64_t batch) const {
  const double b = static_cast<double>(std::max<int64_t>(1, batch));
  double total = 0;
  for (const Layer& l : layers_) {
    double compute = 0;
    if (l.mac) {
      const int64_t passes = ceil_div(l.m, p_out) * ceil_div(l.cg, p_in);
      // The model packs kernel columns into idle input lanes when the buffers allow
      // (model::packed_taps): the floor assumes they always do.
      const int64_t taps = l.packable ? model::packed_taps(l.cg, l.kh, l.kw, p_in) : l.k2;
      compute = static_cast<double>(l.rq * taps * passes);
      if (winograd_m > 0 && l.winograd_shape) {
        const int64_t t = winograd_m + 2;
        compute =
            std::min(compute, static_cast<double>(ceil_div(l.r, winograd_m) *
                                                  ceil_div(l.q, winograd_m) * t * t * passes));
      }
    } else {
      compute = static_cast<double>(ceil_div(l.m, p_out) * l.rq * l.k2);
    }
    compute *= b;
    double transfer = 0;
    if (link_ > 0)
      transfer = (b * l.out_bytes + l.weight_bytes * (l.weights_per_frame ? b : 1.0)) / link_;
    // The model truncates max(compute, transfer) + fill to whole cycles: one cycle of slack.
    total += std::max(compute, transfer - 1) * l.count;
  }
  return total;
}

}  // namespace dnne
