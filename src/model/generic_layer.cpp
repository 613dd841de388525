// The generic engine's per-layer model (docs/spec/MODELS.md section 4, after HybridDNN DAC'20's
// tiled PE array with height partitioning); equations in docs/models.md 4.
#include "model/generic_layer.h"

#include <algorithm>
#include <bit>

#include "model/bram_mapping.h"
#include "model/model_math.h"
#include "model/pipeline_stage.h"

namespace dnne::model {

namespace {
// The layer as the tiler sees it: g groups of Cg -> Mg channels; a matmul's second operand
// plays the weights but is per frame, so the batch does not share it.
// In Winograd mode F(m x m, 3 x 3) (wino_m = m > 0) k2 counts the (m + 2)^2 transformed
// weights of a kernel, and output rows go in tiles of m.
struct View {
  int64_t cg, mg, k2, span_h, stride, weights;
  bool weights_per_frame;
  int64_t wino_m = 0;
  // Output elements one half of the output buffer holds: its partial sums, of which Winograd
  // keeps (m + 2)^2 per m x m outputs until the output transform (36 per 16 at m = 4).
  int64_t output_capacity = 0;
};

View view_of(const StageLayer& s, int64_t wino_m, const Engine& e) {
  const int64_t g = s.groups;
  const int64_t t = wino_m + 2;
  const int64_t partials = e.output_blocks * bram18_elements(layer_accumulator_bits(s, e.bits)) / 2;
  View v{.cg = std::max<int64_t>(1, s.C / g),
         .mg = std::max<int64_t>(1, s.M / g),
         .k2 = wino_m > 0 ? t * t : static_cast<int64_t>(s.kh) * s.kw,
         .span_h = s.span_h,
         .stride = s.stride_h,
         .weights = 0,
         .weights_per_frame = s.kind == LayerKind::kMatMul,
         .wino_m = wino_m,
         .output_capacity = wino_m > 0 ? partials * wino_m * wino_m / (t * t) : partials};
  v.weights = v.weights_per_frame ? s.C * s.M : s.M * v.cg * v.k2;
  return v;
}

// HybridDNN's Winograd mode applies to 3x3 stride-1 undilated convolutions.
bool winograd_eligible(const StageLayer& s) {
  return s.kind == LayerKind::kConv && s.kh == 3 && s.kw == 3 && s.stride_h == 1 &&
         s.stride_w == 1 && s.span_h == 3 && s.span_w == 3;
}

// Input rows a band of tr output rows reads (with the window's halo).
int64_t rows_in(const StageLayer& s, const View& v, int64_t tr) {
  return std::min(s.H, (tr - 1) * v.stride + v.span_h);
}

// The most output rows whose input band of `channels` channels fits `capacity` elements.
int64_t rows_fitting(const StageLayer& s, const View& v, int64_t capacity, int64_t channels,
                     int64_t batch) {
  const int64_t rows = capacity / std::max<int64_t>(1, channels * s.W * batch);
  if (rows >= s.H) return s.R;
  if (rows < std::min(s.H, v.span_h)) return 0;
  const int64_t tr = std::clamp<int64_t>((rows - v.span_h) / v.stride + 1, 1, s.R);
  // Winograd bands hold whole tiles of m output rows when they can.
  return v.wino_m > 0 && tr > v.wino_m ? tr / v.wino_m * v.wino_m : tr;
}

// Rounds a channel tile down to a multiple of the lanes that cover it (no partial pass).
int64_t lane_multiple(int64_t tile, int64_t lanes) {
  return tile > lanes ? tile / lanes * lanes : tile;
}

// Input channels a tile of tm outputs (tn inputs each) touches: tn for one group; a tile
// spanning ceil(tm / Mg) groups reads that many groups' channels.
int64_t tile_channels(const StageLayer& s, const View& v, int64_t tm, int64_t tn) {
  return s.groups == 1 ? tn : tn * std::min<int64_t>(s.groups, ceil_div(tm, v.mg));
}

// Input-resident: a band of all C channels stays while every weight chunk streams past it;
// the weights are re-read once per band.
Tiling input_resident(const StageLayer& s, const View& v, const Engine& e, bool round) {
  Tiling t;
  t.tr = std::min(rows_fitting(s, v, e.input_capacity, s.C, e.batch),
                  v.output_capacity / std::max<int64_t>(1, s.Q * e.batch));
  t.tn = std::min(v.cg, e.weight_capacity / v.k2);
  if (round) t.tn = lane_multiple(t.tn, e.p_in);
  if (t.tr < 1 || t.tn < 1) return t;
  t.tm = std::min(
      {s.M, e.weight_capacity / (t.tn * v.k2), v.output_capacity / (t.tr * s.Q * e.batch)});
  if (round) t.tm = lane_multiple(t.tm, e.p_out);
  t.input_reads = 1;
  t.weight_reads = ceil_div(s.R, t.tr);
  t.fits = t.tm >= 1;
  return t;
}

// Weight-resident: a block of tm kernels (all Cg inputs) stays while every input band streams
// past it; inputs are re-read once per block of a group.
Tiling weight_resident(const StageLayer& s, const View& v, const Engine& e, bool round) {
  Tiling t;
  t.tn = v.cg;
  t.tm = std::min(s.M, e.weight_capacity / (v.cg * v.k2));
  if (round) t.tm = lane_multiple(t.tm, e.p_out);
  if (t.tm < 1) return t;
  t.tr = std::min(rows_fitting(s, v, e.input_capacity, tile_channels(s, v, t.tm, t.tn), e.batch),
                  v.output_capacity / std::max<int64_t>(1, t.tm * s.Q * e.batch));
  t.input_reads = ceil_div(v.mg, std::min(t.tm, v.mg));
  t.weight_reads = 1;
  t.fits = t.tr >= 1;
  return t;
}

// Neither alternative fits: small tiles of everything, both operands re-read.
Tiling streamed(const StageLayer& s, const View& v, const Engine& e) {
  Tiling t;
  t.tr = 1;
  t.tn = std::min({v.cg, e.input_capacity / std::max<int64_t>(1, rows_in(s, v, 1) * s.W * e.batch),
                   e.weight_capacity / v.k2});
  t.tm = std::min(s.M, v.output_capacity / std::max<int64_t>(1, s.Q * e.batch));
  if (t.tn >= 1 && t.tm >= 1) t.tm = std::min(t.tm, e.weight_capacity / (t.tn * v.k2));
  t.tn = lane_multiple(t.tn, e.p_in);
  t.tm = lane_multiple(t.tm, e.p_out);
  t.input_reads = ceil_div(v.mg, std::max<int64_t>(1, std::min(t.tm, v.mg)));
  t.weight_reads = s.R;
  t.fits = t.tn >= 1 && t.tm >= 1;
  return t;
}

// The fraction of the link a transfer of `bytes` gets (docs/models.md 2.3).
double efficiency(const Engine& e, double bytes) {
  return e.burst ? burst_efficiency(*e.burst, bytes) : 1.0;
}

struct Timing {
  int64_t cycles = 0;
  double bytes = 0;
  int64_t compute = 0;
  double transfer = 0;
};

// Fill and drain of one layer (docs/models.md 4.3): the input window of the first output
// row (all C channels, Kh rows) must arrive before that row completes, and the last output
// row (all M channels) leaves after compute ends; the next layer's weights do not depend on
// this layer, so they are prefetched while it runs. Independent of the tiling on purpose: a
// larger buffer or engine never lengthens it.
double edge_cycles(const StageLayer& s, const Engine& e) {
  if (e.link_bytes_per_cycle <= 0) return 0;
  const int64_t first = s.C * std::min(s.H, static_cast<int64_t>(s.span_h)) * s.W;
  const int64_t last = s.M * s.Q;
  const double bytes_per = e.bits / 8.0;
  const double first_bytes = static_cast<double>(first) * bytes_per;
  const double last_bytes = static_cast<double>(last) * bytes_per;
  return static_cast<double>(e.batch) *
         (first_bytes / efficiency(e, first_bytes) + last_bytes / efficiency(e, last_bytes)) /
         e.link_bytes_per_cycle;
}

// Kernel columns packed into the input lanes for this tiling (docs/models.md 4.7): only when
// one tile holds all the layer's channels and its input band, with each packed column's
// shifted copy of the channels, still fits the input buffer.
int64_t packed_columns(const StageLayer& s, const View& v, const Tiling& t, const Engine& e) {
  if (v.wino_m > 0 || s.kind != LayerKind::kConv || s.groups != 1 || t.tn != v.cg || s.kw < 2)
    return 1;
  const int64_t a = std::min<int64_t>(s.kw, e.p_in / std::max<int64_t>(1, v.cg));
  if (a < 2) return 1;
  return rows_fitting(s, v, e.input_capacity, v.cg * a, e.batch) >= t.tr ? a : 1;
}

// Double buffering: each step costs max(compute, transfer), so with uniform steps the layer
// costs the larger of the two totals, plus its fill and drain (`edge`, edge_cycles: the same
// for every tiling of the layer, so worked out once by the caller).
// A tiling whose compute is at least its transfer at a lower bound of the worst of its three
// bursts' efficiencies (the curve never falls with length, so the shortest burst's is the
// worst; burst_efficiency_at_least bounds it without a logarithm) keeps that bound as
// `transfer`: its cycles are the same, bound_of says kDsp for it as it would for the exact
// transfer, and the search's innermost loop skips the three exact look-ups.
Timing time_tiling(const StageLayer& s, const View& v, const Tiling& t, const Engine& e,
                   double edge) {
  const int64_t b = e.batch;
  // Input rows fetched over all bands: full bands of tr output rows and a last partial one,
  // each with its window's halo.
  const int64_t rest = s.R % t.tr;
  const int64_t rows = s.R / t.tr * rows_in(s, v, t.tr) + (rest > 0 ? rows_in(s, v, rest) : 0);
  const double bytes_per = static_cast<double>(e.bits) / 8.0;
  const double in = static_cast<double>(b * rows * s.W * s.C * t.input_reads);
  const double w = static_cast<double>(v.weights * t.weight_reads * (v.weights_per_frame ? b : 1));
  const double out = static_cast<double>(b * s.output_elements);
  Timing r;
  // A packed DSP's products share an input: a depthwise layer, whose lanes share nothing,
  // gets one lane per DSP column (device/dsp_arithmetic.h).
  const int64_t p_out = stage_operands(s) == Operands::kDense ? e.p_out : e.p_out_independent;
  const int64_t lanes = tiled_passes(s.M, t.tm, p_out) * tiled_passes(v.cg, t.tn, e.p_in);
  if (v.wino_m > 0) {
    // One transformed-domain multiply per lane per cycle: (m + 2)^2 per m x m output tile;
    // a band of tr rows covers ceil(tr / m) tile rows (HybridDNN).
    const int64_t tile_rows =
        s.R / t.tr * ceil_div(t.tr, v.wino_m) + (rest > 0 ? ceil_div(rest, v.wino_m) : 0);
    r.compute = b * tile_rows * ceil_div(s.Q, v.wino_m) * v.k2 * lanes;
  } else {
    const int64_t a = packed_columns(s, v, t, e);
    const int64_t taps = a > 1 ? static_cast<int64_t>(s.kh) * ceil_div(s.kw, a) : v.k2;
    r.compute = b * s.R * s.Q * taps * lanes;
  }
  r.bytes = (in + w + out) * bytes_per;
  if (e.link_bytes_per_cycle > 0) {
    // Each operand at the efficiency of its burst (docs/models.md 2.3): an input band of one
    // channel tile, a weight tile, an output tile; one frame each, in tile-blocked layouts.
    const double in_burst = static_cast<double>(rows_in(s, v, t.tr) * s.W * t.tn) * bytes_per;
    const double w_burst = static_cast<double>(t.tm * t.tn * v.k2) * bytes_per;
    const double out_burst = static_cast<double>(t.tr * s.Q * t.tm) * bytes_per;
    const double shortest = std::min({in_burst, w_burst, out_burst});
    const double worst =
        shortest > 0 && e.burst
            ? (in + w + out) * bytes_per / burst_efficiency_at_least(*e.burst, shortest) /
                  e.link_bytes_per_cycle
            : 0;
    if (worst > 0 && worst <= static_cast<double>(r.compute))
      r.transfer = worst;
    else
      r.transfer = (in / efficiency(e, in_burst) + w / efficiency(e, w_burst) +
                    out / efficiency(e, out_burst)) *
                   bytes_per / e.link_bytes_per_cycle;
  }
  r.cycles = static_cast<int64_t>(std::max(static_cast<double>(r.compute), r.transfer) + edge);
  return r;
}

Bound bound_of(const Timing& t, double minimum_bytes) {
  if (t.transfer <= static_cast<double>(t.compute)) return Bound::kDsp;
  // The minimum traffic at this tiling's bursts' mean efficiency.
  const double minimum = t.bytes > 0 ? minimum_bytes * t.transfer / t.bytes : 0;
  // Memory-bound only because small buffers forced re-reads: BRAM binds.
  return minimum <= static_cast<double>(t.compute) ? Bound::kBram : Bound::kBandwidth;
}

// Traffic with every operand, weight and output moved once (what re-reads add to).
double minimum_bytes(const StageLayer& s, const View& v, const Engine& e) {
  const int64_t weights = v.weights * (v.weights_per_frame ? e.batch : 1);
  return static_cast<double>(e.batch * (s.input_elements + s.output_elements) + weights) * e.bits /
         8.0;
}

GenericLayerCost mac_layer(const StageLayer& s, const Engine& e, double edge) {
  const View spatial = view_of(s, 0, e);
  const bool wino = e.winograd_m > 0 && winograd_eligible(s);
  const View winograd = view_of(s, wino ? e.winograd_m : 0, e);
  GenericLayerCost best;
  Timing best_time;
  auto consider = [&](const View& v, const Tiling& t) {
    if (!t.fits) return;
    const Timing time = time_tiling(s, v, t, e, edge);
    if (!best.tiling.fits || time.cycles < best_time.cycles ||
        (time.cycles == best_time.cycles && time.bytes < best_time.bytes)) {
      best.tiling = t;
      best.winograd = v.wino_m > 0;
      best_time = time;
    }
  };
  // Candidates: each alternative with its channel tiles as large as the buffers allow, and
  // rounded down to whole lane multiples (no partial pass per tile, at some extra traffic);
  // in spatial mode and, for an eligible layer, in Winograd mode.
  // A rounded tiling equal to the unrounded one (the lanes already divide the tiles, the
  // common case) is not timed twice: the search calls this in its innermost loop.
  auto same = [](const Tiling& a, const Tiling& b) {
    return a.fits == b.fits && a.tr == b.tr && a.tm == b.tm && a.tn == b.tn;
  };
  auto alternatives = [&](const View& v) {
    const bool ir = e.buffering != BufferingChoice::kWeightResident;
    const bool wr = e.buffering != BufferingChoice::kInputResident;
    const Tiling ir_exact = ir ? input_resident(s, v, e, false) : Tiling{};
    const Tiling wr_exact = wr ? weight_resident(s, v, e, false) : Tiling{};
    consider(v, ir_exact);
    consider(v, wr_exact);
    if (ir) {
      const Tiling rounded = input_resident(s, v, e, true);
      if (!same(ir_exact, rounded)) consider(v, rounded);
    }
    if (wr) {
      const Tiling rounded = weight_resident(s, v, e, true);
      if (!same(wr_exact, rounded)) consider(v, rounded);
    }
  };
  alternatives(spatial);
  if (wino) alternatives(winograd);
  if (!best.tiling.fits) consider(spatial, streamed(s, spatial, e));
  if (!best.tiling.fits) {
    best.min_input = e.batch * rows_in(s, spatial, 1) * s.W;
    best.min_weight = spatial.k2;
    best.min_output = e.batch * s.Q;
    best.bound = Bound::kBram;
    return best;
  }
  best.cycles = best_time.cycles;
  best.dram_bytes = best_time.bytes;
  best.bound = bound_of(best_time, minimum_bytes(s, best.winograd ? winograd : spatial, e));
  return best;
}

// Pooling, element-wise, resample and concat on the engine's vector path: P_out lanes over
// channels, operands streamed from and results to DRAM through the buffers.
GenericLayerCost vector_layer(const StageLayer& s, const Engine& e, double edge) {
  const int64_t b = e.batch;
  const int64_t window = s.kind == LayerKind::kPool ? static_cast<int64_t>(s.kh) * s.kw : 1;
  Timing t;
  t.compute = b * ceil_div(s.M, e.p_out) * s.R * s.Q * window;
  t.bytes = static_cast<double>(b * (s.input_elements + s.output_elements)) * e.bits / 8.0;
  // Streamed through the input buffer: bursts of at most its capacity (docs/models.md 2.3).
  const double burst = static_cast<double>(std::min(s.input_elements, std::max<int64_t>(1, e.input_capacity))) * e.bits / 8.0;
  t.transfer = e.link_bytes_per_cycle > 0
                   ? t.bytes / efficiency(e, burst) / e.link_bytes_per_cycle
                   : 0;
  t.cycles = static_cast<int64_t>(std::max(static_cast<double>(t.compute), t.transfer) + edge);
  GenericLayerCost c;
  c.cycles = t.cycles;
  c.dram_bytes = t.bytes;
  c.bound = t.transfer > static_cast<double>(t.compute) ? Bound::kBandwidth : Bound::kDsp;
  c.tiling.fits = true;
  return c;
}
}  // namespace

bool generic_layer_winograd_eligible(const StageLayer& s) {
  return winograd_eligible(s);
}

int64_t packed_taps(int64_t cg, int64_t kh, int64_t kw, int64_t p_in) {
  const int64_t a = std::min<int64_t>(kw, p_in / std::max<int64_t>(1, cg));
  return a >= 2 ? kh * ceil_div(kw, a) : kh * kw;
}

int accumulator_bits(int64_t terms, int bits) {
  // The least guard with 2^guard >= terms (at most 62): a bit count, not a loop, because the
  // search's inner loop asks for it per design.
  const int guard =
      terms <= 1 ? 0 : std::min(62, static_cast<int>(std::bit_width(static_cast<uint64_t>(terms - 1))));
  return std::min(48, 2 * std::max(1, bits) + guard);
}

int layer_accumulator_bits(const StageLayer& s, int bits) {
  if (!is_mac_stage(s.kind)) return bits;
  return accumulator_bits(std::max<int64_t>(1, s.C / std::max(1, s.groups) * s.kh * s.kw), bits);
}

GenericLayerCost generic_layer_cost(const StageLayer& s, const Engine& e) {
  return generic_layer_cost(s, e, edge_cycles(s, e));
}

double generic_layer_edge_cycles(const StageLayer& s, const Engine& e) {
  return edge_cycles(s, e);
}

GenericLayerCost generic_layer_cost(const StageLayer& s, const Engine& e, double edge) {
  return is_mac_stage(s.kind) ? mac_layer(s, e, edge) : vector_layer(s, e, edge);
}

}  // namespace dnne::model
