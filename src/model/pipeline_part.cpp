// Part A: the DNNBuilder pipeline over stages [0, SP) (docs/spec/MODELS.md section 3;
// docs/models.md 3).
#include <algorithm>

#include "model/accdnn_rules.h"
#include "model/evaluate.h"
#include "model/model_math.h"
#include "model/pipeline_stage.h"

namespace dnne {

namespace {
using model::StageDetail;

StageParallelism stage_parallelism(const PipelineDesign& design, int i) {
  return i < static_cast<int>(design.stages.size()) ? design.stages[static_cast<size_t>(i)]
                                                    : StageParallelism{};
}

// Bits stage i moves to/from DRAM per frame besides weights: operands read from the network
// input, and its output when a generic-part stage reads it or it is a network output (the
// pipeline's last stage writes to DRAM, docs/spec/MODELS.md 5).
// A stage's non-weight DRAM data per frame: `payload` bits, and `link` the link time they take
// in bits at the peak rate. Inputs are read and outputs written a line at a time (W x C in,
// Q x M out), the burst length (docs/models.md 2.3).
struct ActivationTraffic {
  double payload = 0, link = 0;
};
ActivationTraffic activation_traffic(const StageLayer& s, int split_point, int bits,
                                     const BurstCurve& curve) {
  ActivationTraffic t;
  if (s.external_input_elements > 0) {
    const double in = static_cast<double>(s.external_input_elements * bits);
    t.payload += in;
    t.link += in / burst_efficiency(curve, static_cast<double>(s.W * s.C) * bits / 8.0);
  }
  bool leaves = s.consumer_stages.empty();
  for (int c : s.consumer_stages) leaves = leaves || c >= split_point;
  if (leaves && s.output_elements > 0) {
    const double out = static_cast<double>(s.output_elements * bits);
    t.payload += out;
    t.link += out / burst_efficiency(curve, static_cast<double>(s.Q * s.M) * bits / 8.0);
  }
  return t;
}

}  // namespace

double pipeline_activation_link_bits(const Workload& workload, int split_point,
                                     int precision_bits, const BurstCurve& curve) {
  double bits = 0;
  const int n = std::min(split_point, workload.stage_count());
  for (int i = 0; i < n; ++i)
    bits += activation_traffic(workload.stage(i), split_point, precision_bits, curve).link;
  return bits;
}

double dram_link_bits_per_cycle(double dram_bw_gbps, double clock_mhz) {
  return model::dram_bits_per_cycle(dram_bw_gbps, clock_mhz);
}

namespace {

// What doubling a bottleneck stage's lanes (KPF, or CPF once KPF >= M) would cost in DSP and
// BRAM18; `full` when it is already at full parallelism (its compute binds).
struct Doubling {
  bool full = false;
  int64_t more_dsp = 0, more_bram = 0;
};
Doubling doubling_cost(const StageLayer& s, const StageParallelism& p, const StageDetail& d,
                       int64_t batch, int bits, const DspRate& rate, bool uram) {
  int cpf = std::max(1, p.cpf), kpf = std::max(1, p.kpf);
  if (kpf < s.M) {
    kpf *= 2;
  } else if (model::is_mac_stage(s.kind) && cpf < s.C / s.groups) {
    cpf *= 2;
  } else {
    return {.full = true};
  }
  const StageDetail g = model::stage_detail(s, cpf, kpf, p.weights_on_chip, bits, rate, uram);
  return {.more_dsp = (g.dsp_per_replica - d.dsp_per_replica) * batch,
          .more_bram = g.bram18(batch) - d.bram18(batch)};
}

// What stops the bottleneck stages going faster. They all run at the period, so only
// speeding up all of them together helps: their doublings are summed (a balanced pipeline
// has dozens; judging each alone called a design with a third of its DSPs idle DSP-bound).
// BRAM binds when the DSPs left could pay for the doubling and the BRAM left could not, or,
// when neither could, when the doubling needs the larger multiple of what is left of BRAM
// (it runs out first on the way); otherwise DSP.
Bound bottleneck_bound(int64_t more_dsp, int64_t more_bram, int64_t dsp_left, int64_t bram_left) {
  if (more_bram <= bram_left) return Bound::kDsp;
  if (more_dsp <= dsp_left) return Bound::kBram;
  const double dsp_short =
      static_cast<double>(more_dsp) / static_cast<double>(std::max<int64_t>(1, dsp_left));
  const double bram_short =
      static_cast<double>(more_bram) / static_cast<double>(std::max<int64_t>(1, bram_left));
  return bram_short > dsp_short ? Bound::kBram : Bound::kDsp;
}
}  // namespace

void evaluate_pipeline_part(const Workload& workload, int split_point, const PipelineDesign& design,
                            const PartBudget& budget, Estimate& out) {
  const int n = workload.stage_count();
  if (static_cast<int>(out.layers.size()) != n) out.layers.resize(static_cast<size_t>(n));
  out.pipeline = {};
  const int sp = std::clamp(split_point, 0, n);
  if (sp == 0) return;
  if (static_cast<int>(design.stages.size()) != sp)
    out.add_violation({.resource = Resource::kDesign,
                       .needed = static_cast<double>(sp),
                       .available = static_cast<double>(design.stages.size()),
                       .field = "pipeline stages"});
  if (design.batch < 1)
    out.add_violation({.resource = Resource::kDesign,
                       .needed = 1,
                       .available = static_cast<double>(design.batch),
                       .field = "batch"});
  const int64_t batch = std::max(1, design.batch);
  const int bits = std::max(1, budget.precision_bits);
  const DspRate rate = dsp_rate(budget.dsp_family, bits, Operands::kDense, budget.dsp_double_rate);
  const bool uram = budget.uram > 0;

  // Pass 1: every stage's cycles and resources; per-frame-batch DRAM bits parked in
  // dram_bw_gbps until the period is known (no scratch allocation).
  int64_t t_compute = 1;
  PartSummary used;
  double traffic_bits = 0;  // payload
  double link_bits = 0;     // the link time it takes, in bits at the peak rate
  int64_t dma_channels = 0;  // weighted stages streaming their weights (accdnn_rules.h)
  for (int i = 0; i < sp; ++i) {
    const StageLayer& s = workload.stage(i);
    const StageParallelism p = stage_parallelism(design, i);
    if (p.cpf < 1)
      out.add_violation({.resource = Resource::kDesign,
                         .needed = 1,
                         .available = static_cast<double>(p.cpf),
                         .stage = i,
                         .field = "cpf"});
    if (p.kpf < 1)
      out.add_violation({.resource = Resource::kDesign,
                         .needed = 1,
                         .available = static_cast<double>(p.kpf),
                         .stage = i,
                         .field = "kpf"});
    const StageDetail d =
        model::stage_detail(s, p.cpf, p.kpf, p.weights_on_chip, bits, rate, uram);
    const ActivationTraffic act = activation_traffic(s, sp, bits, budget.burst_curve);
    const double weight_bits = d.weight_bits_per_cycle * static_cast<double>(d.cycles);
    const double bits_i = weight_bits + act.payload * static_cast<double>(batch);
    if (weight_bits > 0)
      link_bits += weight_bits / burst_efficiency(budget.burst_curve, d.weight_burst_bytes);
    dma_channels += d.dma_channels;
    link_bits += act.link * static_cast<double>(batch);
    LayerEstimate& e = out.layers[static_cast<size_t>(i)];
    e = {.stage = i,
         .part = Part::kPipeline,
         .cycles = d.cycles,
         .dsp = d.dsp_per_replica * batch + model::stage_overhead_dsp(s, design.dsp_overhead),
         .bram18 = d.bram18(batch),
         .uram = d.uram(batch),
         .lut = d.lut(batch),
         .dram_bw_gbps = bits_i};
    t_compute = std::max(t_compute, d.cycles);
    used.dsp += e.dsp;
    used.bram18 += e.bram18;
    used.uram += e.uram;
    used.lut += e.lut;
    traffic_bits += bits_i;
  }

  // The period of B frames: the bottleneck stage, or the DRAM stream when it cannot keep up
  // (then every stage stalls in proportion).
  const double f_hz = budget.clock_mhz * 1e6;
  const double link = model::dram_bits_per_cycle(budget.dram_bw_gbps, budget.clock_mhz);
  double period = static_cast<double>(t_compute);
  if (traffic_bits > 0) {
    if (link > 0) {
      period = std::max(period, link_bits / link);
    } else if (f_hz > 0) {  // a zero clock is the caller's design violation already
      out.add_violation({.resource = Resource::kBandwidth,
                         .needed = traffic_bits / period * f_hz / 8e9,
                         .available = budget.dram_bw_gbps});
    }
  }
  const bool bw_bound = period > static_cast<double>(t_compute);
  const double stretch = period / static_cast<double>(t_compute);

  // Pass 2: fill times (a stage starts once each producer emitted the columns it needs,
  // docs/spec/MODELS.md 3), DRAM rates and bounds.
  double fill = 0;
  int64_t more_dsp = 0, more_bram = 0;  // to double every bottleneck stage that can go faster
  for (int i = 0; i < sp; ++i) {
    const StageLayer& s = workload.stage(i);
    LayerEstimate& e = out.layers[static_cast<size_t>(i)];
    double start = 0;
    for (size_t k = 0; k < s.producer_stages.size(); ++k) {
      const int p = s.producer_stages[k];
      if (p < 0) continue;
      const LayerEstimate& pe = out.layers[static_cast<size_t>(p)];
      const StageLayer& ps = workload.stage(p);
      const double per_column =
          static_cast<double>(pe.cycles) / static_cast<double>(ps.Q) * stretch;
      start =
          std::max(start, static_cast<double>(pe.start_cycle) + s.producer_columns[k] * per_column);
    }
    e.start_cycle = static_cast<int64_t>(start);
    fill = std::max(fill, start);
    const bool streams = e.dram_bw_gbps > 0;  // the stage moves DRAM data
    e.dram_bw_gbps = e.dram_bw_gbps / period * f_hz / 8e9;
    if (bw_bound) {
      e.bound = streams ? Bound::kBandwidth : Bound::kDependency;
    } else if (e.cycles == t_compute) {
      const StageParallelism p = stage_parallelism(design, i);
      const StageDetail d =
          model::stage_detail(s, p.cpf, p.kpf, p.weights_on_chip, bits, rate, uram);
      const Doubling more = doubling_cost(s, p, d, batch, bits, rate, uram);
      // Stages that could go faster are marked kBram for now and decided jointly below.
      e.bound = more.full ? Bound::kDsp : Bound::kBram;
      more_dsp += more.more_dsp;
      more_bram += more.more_bram;
    } else {
      e.bound = Bound::kDependency;  // idles part of each period waiting on the bottleneck
    }
  }

  if (!bw_bound) {
    const Bound joint =
        bottleneck_bound(more_dsp, more_bram, budget.dsp - used.dsp, budget.bram18 - used.bram18);
    for (int i = 0; i < sp; ++i) {
      LayerEstimate& e = out.layers[static_cast<size_t>(i)];
      if (e.cycles == t_compute && e.bound == Bound::kBram) e.bound = joint;
    }
  }

  add_resource_violations(used, budget, out);
  // AccDNN's template wires one DMA channel per streamed weighted layer, 15 in all: more
  // cannot be built (the rest must keep their weights on chip, docs/models.md 3.8).
  if (dma_channels > kAccDnnDmaChannels)
    out.add_violation({.resource = Resource::kDesign,
                       .needed = static_cast<double>(dma_channels),
                       .available = kAccDnnDmaChannels,
                       .field = "weight DMA channels"});
  PartSummary& sum = out.pipeline;
  sum = used;
  if (f_hz > 0) {
    sum.throughput_fps = static_cast<double>(batch) * f_hz / period;
    sum.latency_ms = (fill + period) / f_hz * 1e3;
    sum.dram_bw_gbps = traffic_bits / period * f_hz / 8e9;
  }
}

}  // namespace dnne
