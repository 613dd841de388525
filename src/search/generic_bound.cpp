#include "search/generic_bound.h"

#include <algorithm>
#include <cmath>

#include "model/generic_layer.h"

namespace dnne {

namespace {
int64_t ceil_div(int64_t a, int64_t b) {
  return (a + b - 1) / b;
}

// The efficiency of a transfer of at most `bytes` can be no better than this: the curve
// never falls with length (burst_curve_problem), and the margin covers the rounding of its
// logarithm.
double efficiency_up_to(const BurstCurve* curve, double bytes) {
  if (!curve) return 1.0;
  return std::min(1.0, burst_efficiency(*curve, bytes) * (1 + 1e-12));
}
}  // namespace

GenericFloor::GenericFloor(const Workload& workload, int split_point, int precision_bits,
                           double link_bytes_per_cycle, const BurstCurve* burst,
                           const StageClasses* classes)
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
    if (classes) l.class_id = classes->class_of[i];
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
    // DRAM: every operand moved at least once, each at no better than the efficiency of the
    // longest burst any tiling gives it (an input band of at most all H rows of one group's
    // channels, a weight tile of at most all kernels, in Winograd's 6 x 6 transformed form for
    // a 3 x 3 convolution, an output tile of at most the whole map), plus the model's fill
    // and drain (edge_cycles) at their own lengths. Worked out whatever the link (set_link may
    // give one later), but read only with one: without a link the part is infeasible, and the
    // floor is compute alone.
    l.weights_per_frame = s.kind == LayerKind::kMatMul;
    {
      const double out_bytes = static_cast<double>(s.output_elements) * bytes;
      double in_bytes = 0, in_burst = 0, w_bytes = 0, w_burst = 0;
      if (l.mac) {
        // As the model's rows_in reads them (its span and stride, unclamped).
        const int64_t span = s.span_h, stride = s.stride_h;
        const int64_t rows = span >= stride ? std::min(s.H, (s.R - 1) * stride + span)
                                            : std::min(s.H, s.R * span);
        in_bytes = static_cast<double>(rows * s.W * s.C) * bytes;
        in_burst = static_cast<double>(s.H * s.W * l.cg) * bytes;
        w_bytes = static_cast<double>(l.weights_per_frame ? s.C * s.M : s.M * l.cg * l.k2) * bytes;
        const int64_t k2_burst = l.winograd_shape ? std::max<int64_t>(l.k2, 36) : l.k2;
        w_burst = static_cast<double>(s.M * l.cg * k2_burst) * bytes;
        const double frame = in_bytes / efficiency_up_to(burst, in_burst) +
                             out_bytes / efficiency_up_to(burst, out_bytes);
        const double weights = w_bytes / efficiency_up_to(burst, w_burst);
        l.frame_link_bytes = frame + (l.weights_per_frame ? weights : 0);
        l.batch_link_bytes = l.weights_per_frame ? 0 : weights;
      } else {
        // The vector path's one burst: at most the whole input (generic_layer.cpp).
        in_bytes = static_cast<double>(s.input_elements) * bytes;
        l.frame_link_bytes =
            (in_bytes + out_bytes) /
            efficiency_up_to(burst, static_cast<double>(s.input_elements) * bytes);
      }
      const double first = static_cast<double>(s.C * std::min<int64_t>(s.H, s.span_h) * s.W) * bytes;
      const double last = static_cast<double>(s.M * s.Q) * bytes;
      l.edge_link_bytes =
          first / efficiency_up_to(burst, first) + last / efficiency_up_to(burst, last);
    }
    layers_.push_back(l);
  }
  for (const Layer& l : layers_) {
    frame_bytes_ += l.frame_link_bytes * l.count;
    batch_bytes_ += l.batch_link_bytes * l.count;
    edge_bytes_ += l.edge_link_bytes * l.count;
    layer_count_ += l.count;
  }
}

double GenericFloor::frame_compute(const Layer& l, int64_t p_in, int64_t p_out, int winograd_m) {
  if (!l.mac) return static_cast<double>(ceil_div(l.m, p_out) * l.rq * l.k2);
  const int64_t passes = ceil_div(l.m, p_out) * ceil_div(l.cg, p_in);
  // The model packs kernel columns into idle input lanes when the buffers allow
  // (model::packed_taps): the floor assumes they always do.
  const int64_t taps = l.packable ? model::packed_taps(l.cg, l.kh, l.kw, p_in) : l.k2;
  double compute = static_cast<double>(l.rq * taps * passes);
  if (winograd_m > 0 && l.winograd_shape) {
    const int64_t t = winograd_m + 2;
    compute = std::min(compute, static_cast<double>(ceil_div(l.r, winograd_m) *
                                                    ceil_div(l.q, winograd_m) * t * t * passes));
  }
  return compute;
}

double GenericFloor::known_frame_compute(const Layer& l, int64_t p_in, int64_t p_out,
                                         int winograd_m, double* row) {
  if (!row || l.class_id < 0) return frame_compute(l, p_in, p_out, winograd_m);
  double& known = row[l.class_id];
  if (std::isnan(known)) known = frame_compute(l, p_in, p_out, winograd_m);
  return known;
}

double GenericFloor::layer_cycles(const Layer& l, int64_t p_in, int64_t p_out, int winograd_m,
                                  double b, double* row) const {
  const double compute = known_frame_compute(l, p_in, p_out, winograd_m, row) * b;
  if (link_ <= 0) return compute * l.count;
  const double transfer = (b * l.frame_link_bytes + l.batch_link_bytes) / link_;
  const double edge = b * l.edge_link_bytes / link_;
  // The model truncates max(compute, transfer) + edge to whole cycles: one cycle of slack
  // (compute is whole, so never below it).
  return std::max(compute, std::max(compute, transfer) + edge - 1) * l.count;
}

void GenericFloor::prepare(const std::vector<int>& batches) {
  prepared_batches_.clear();
  prepared_terms_.clear();
  if (link_ <= 0) return;
  for (int batch : batches) {
    const double b = static_cast<double>(std::max<int64_t>(1, batch));
    std::vector<std::pair<double, double>> terms;
    terms.reserve(layers_.size());
    // As layer_cycles works them out.
    for (const Layer& l : layers_)
      terms.push_back({(b * l.frame_link_bytes + l.batch_link_bytes) / link_,
                       b * l.edge_link_bytes / link_});
    prepared_batches_.push_back(batch);
    prepared_terms_.push_back(std::move(terms));
  }
}

double GenericFloor::all_entry_cycles(int64_t p_in, int64_t p_out, int winograd_m,
                                      int64_t batch, double* row,
                                      std::vector<double>& out) const {
  const std::vector<std::pair<double, double>>* terms = nullptr;
  for (size_t i = 0; i < prepared_batches_.size(); ++i)
    if (prepared_batches_[i] == batch) terms = &prepared_terms_[i];
  const double b = static_cast<double>(std::max<int64_t>(1, batch));
  double total = 0;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const Layer& l = layers_[i];
    double floor = 0;
    if (!terms) {
      floor = layer_cycles(l, p_in, p_out, winograd_m, b, row);
    } else {
      // layer_cycles with the batch's terms read from the table: the same operations.
      double frame = 0;
      if (row && l.class_id >= 0) {
        double& known = row[l.class_id];
        if (std::isnan(known)) known = frame_compute(l, p_in, p_out, winograd_m);
        frame = known;
      } else {
        frame = frame_compute(l, p_in, p_out, winograd_m);
      }
      const double compute = frame * b;
      const auto [transfer, edge] = (*terms)[i];
      floor = std::max(compute, std::max(compute, transfer) + edge - 1) * l.count;
    }
    out.push_back(floor);
    total += floor;
  }
  return total;
}

double GenericFloor::cycles(int64_t p_in, int64_t p_out, int winograd_m, int64_t batch,
                            double* row) const {
  const double b = static_cast<double>(std::max<int64_t>(1, batch));
  double total = 0;
  for (const Layer& l : layers_) total += layer_cycles(l, p_in, p_out, winograd_m, b, row);
  return total;
}

double GenericFloor::frame_compute_total(int64_t p_in, int64_t p_out, int winograd_m,
                                         double* row) const {
  double total = 0;
  for (const Layer& l : layers_)
    total += known_frame_compute(l, p_in, p_out, winograd_m, row) * l.count;
  return total;
}

double GenericFloor::quick_cycles(double frame_compute_total, int64_t batch) const {
  const double b = static_cast<double>(std::max<int64_t>(1, batch));
  const double compute = b * frame_compute_total;
  const double memory =
      link_ > 0 ? (b * frame_bytes_ + batch_bytes_) / link_ + b * edge_bytes_ / link_ - layer_count_
                : 0;
  return std::max(compute, memory) * (1 - 1e-9);
}

double GenericFloor::entry_cycles(size_t entry, int64_t p_in, int64_t p_out, int winograd_m,
                                  int64_t batch, double* row) const {
  return layer_cycles(layers_[entry], p_in, p_out, winograd_m,
                      static_cast<double>(std::max<int64_t>(1, batch)), row);
}

}  // namespace dnne
