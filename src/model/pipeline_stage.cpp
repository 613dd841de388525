// The DNNBuilder stage model (docs/spec/MODELS.md section 3, from DNNBuilder ICCAD'18 and AccDNN's
// implementation as docs/spec/MODELS.md summarises it); every equation is in docs/models.md 3.
#include "model/pipeline_stage.h"

#include <algorithm>

#include "device/device.h"
#include "model/accdnn_rules.h"
#include "model/bram_mapping.h"
#include "model/evaluate.h"
#include "model/generic_layer.h"
#include "model/lut_model.h"
#include "model/model_math.h"

namespace dnne::model {

namespace {
// Global pooling keeps one accumulator per channel instead of a column cache.
bool is_global_pool(const StageLayer& s) {
  return s.kind == LayerKind::kPool && s.R == 1 && s.Q == 1 && s.kh == s.H && s.kw == s.W;
}

// Cycles per frame (docs/models.md 3.1). MAC stages: ceil((C/g)/CPF) * ceil(M/KPF) * R * Q *
// Kh * Kw, charging under-used lanes; CPF splits the C/g channels one output channel reads,
// KPF the M output channels (across groups for a grouped conv, so a depthwise conv uses KPF
// only). Pooling: ceil(M/KPF) * R * Q * Kh * Kw; element-wise kinds: ceil(M/KPF) * R * Q.
int64_t stage_cycles(const StageLayer& s, int64_t cpf, int64_t kpf) {
  const int64_t rq = s.R * s.Q;
  switch (s.kind) {
    case LayerKind::kConv:
    case LayerKind::kFc:
    case LayerKind::kMatMul:
      return ceil_div(s.C / s.groups, cpf) * ceil_div(s.M, kpf) * rq * s.kh * s.kw;
    case LayerKind::kPool:
      return ceil_div(s.M, kpf) * rq * s.kh * s.kw;
    default:
      return ceil_div(s.M, kpf) * rq;
  }
}

// Input channels the column cache must deliver per cycle: CPF for an ungrouped layer; for a
// grouped one the KPF output lanes span ceil(KPF / (M/g)) groups, each reading its own CPF
// channels (a depthwise conv reads KPF channels). Pooling reads KPF channels.
int64_t cache_read_lanes(const StageLayer& s, int64_t cpf, int64_t kpf) {
  if (s.kind == LayerKind::kPool) return kpf;
  if (s.groups == 1) return cpf;
  const int64_t per_group = std::max<int64_t>(1, s.M / s.groups);
  return cpf * std::min<int64_t>(s.groups, ceil_div(kpf, per_group));
}

// Column cache (DNNBuilder's column-based cache): C * H * (Kw + S) elements, capped at the
// whole map, as a memory CPF * D_a bits wide (its read port) (docs/models.md 3.3).
MemoryBlocks cache_memory(const StageLayer& s, int64_t cpf, int64_t kpf, int bits, bool uram) {
  switch (s.kind) {
    case LayerKind::kConv:
    case LayerKind::kPool: {
      const int64_t lanes = std::min(cache_read_lanes(s, cpf, kpf), s.C);
      if (is_global_pool(s)) return map_memory(lanes * bits, ceil_div(s.C, lanes), uram);
      const int64_t columns = std::min<int64_t>(s.span_w + s.stride_w, s.W);
      return map_memory(lanes * bits, ceil_div(s.C, lanes) * s.H * columns, uram);
    }
    case LayerKind::kFc:
    case LayerKind::kMatMul: {
      // The whole input vector/rows (one "column"), CPF elements per read.
      const int64_t lanes = std::min(cpf, s.C);
      MemoryBlocks blocks = map_memory(lanes * bits, ceil_div(s.C, lanes) * s.H, uram);
      if (s.kind == LayerKind::kMatMul) {
        // The second activation operand (K x N) stays on chip like a weight array.
        const int64_t b_elements = std::max<int64_t>(0, s.input_elements - s.C * s.H);
        const int64_t width = std::min(cpf * kpf, std::max<int64_t>(1, b_elements));
        const MemoryBlocks b = map_memory(width * bits, ceil_div(b_elements, width), uram);
        blocks.bram18 += b.bram18;
        blocks.uram += b.uram;
      }
      return blocks;
    }
    default:
      return {};  // element-wise kinds stream through register FIFOs
  }
}

// Weights: ping-pong kernel groups 2 * KPF * (C/g) * Kh * Kw, or all M * (C/g) * Kh * Kw on
// chip; the memory reads CPF * KPF * D_w bits a cycle (one weight per lane). A streamed
// buffer's write port is AccDNN's 512-bit DDR word, and the blocks follow the wider port at
// the shallower depth (layers/convolution.py ips_generate, util/resource.py get_brams), so a
// narrow stage still spends a 512-bit-wide memory (docs/models.md 3.3).
MemoryBlocks weight_memory(const StageLayer& s, int64_t cpf, int64_t kpf, bool on_chip, int bits,
                           bool uram) {
  if (s.kind != LayerKind::kConv && s.kind != LayerKind::kFc) return {};
  const int64_t per_kernel = ceil_div(s.C / s.groups, cpf) * s.kh * s.kw;  // words per group
  const int64_t read_width = cpf * kpf * bits;
  if (on_chip) return map_memory(read_width, ceil_div(s.M, kpf) * per_kernel, uram);
  const int64_t width = std::max<int64_t>(read_width, kAccDnnDdrDataWidth);
  return map_memory(width, 2 * ceil_div(read_width * per_kernel, width), uram);
}

// Bias memory of a weighted stage, shared by the batch: M / KPF words of KPF biases at the
// weight width, or of a 16-bit scale and shift each with a folded batch norm (layers/
// convolution.py ips_generate: bm_rd_width, bm_rd_depth, doubled when it would be 1).
MemoryBlocks bias_memory(const StageLayer& s, int64_t kpf, int bits, bool uram) {
  if (s.kind != LayerKind::kConv && s.kind != LayerKind::kFc) return {};
  const int64_t width = (s.batch_norm ? 2 * kAccDnnBatchNormBits : bits) * kpf;
  return map_memory(width, std::max<int64_t>(2, ceil_div(s.M, kpf)), uram);
}

// Fabric logic of one replica (docs/models.md 2.2): a MAC stage's CPF-input adder tree and
// accumulator per KPF lane; a pooling stage's KPF comparator lanes; an element-wise add's
// KPF adder lanes; concat, resample and fused stages are wiring and multiplexers we do not
// count (ours).
int64_t replica_lut(const StageLayer& s, int64_t cpf, int64_t kpf, int bits) {
  switch (s.kind) {
    case LayerKind::kConv:
    case LayerKind::kFc:
    case LayerKind::kMatMul:
      return adder_tree_lut(std::min(cpf, std::max<int64_t>(1, s.C / s.groups)), kpf, bits,
                            layer_accumulator_bits(s, bits));
    case LayerKind::kPool:
      return kpf * pool_lane_lut(bits);
    case LayerKind::kEltwise:
      return kpf * eltwise_lane_lut(bits);
    default:
      return 0;
  }
}
}  // namespace

StageDetail stage_detail(const StageLayer& s, int cpf_in, int kpf_in, bool weights_on_chip,
                         int bits, const DspRate& rate, bool uram) {
  const int64_t cpf = std::max(1, cpf_in), kpf = std::max(1, kpf_in);
  StageDetail d;
  d.cycles = stage_cycles(s, cpf, kpf);
  if (is_mac_stage(s.kind)) d.dsp_per_replica = stage_array_dsp(s, cpf, kpf, rate);
  // A folded batch norm is one more multiplier per output lane (AccDNN's profile: + KPF per
  // batch replica); its 16-bit scale never shares a DSP with another product.
  if (s.batch_norm && is_mac_stage(s.kind)) d.dsp_per_replica += kpf;
  const MemoryBlocks cache = cache_memory(s, cpf, kpf, bits, uram);
  const MemoryBlocks weights = weight_memory(s, cpf, kpf, weights_on_chip, bits, uram);
  const MemoryBlocks bias = bias_memory(s, kpf, bits, uram);
  d.cache_bram18 = cache.bram18;
  d.weight_bram18 = weights.bram18 + bias.bram18;
  d.weight_uram = weights.uram + bias.uram;
  d.replica_uram = cache.uram;
  if (s.skip_elements > 0) {
    const int64_t width = std::min(kpf, s.skip_elements);
    const MemoryBlocks skip = map_memory(width * bits, ceil_div(s.skip_elements, width), uram);
    d.skip_bram18 = skip.bram18;
    d.replica_uram += skip.uram;
  }
  d.dma_channels = accdnn_has_weights(s) && !weights_on_chip ? 1 : 0;
  d.lut_per_replica = replica_lut(s, cpf, kpf, bits);
  d.lut_stage = kLutPerStage;
  // A kernel group is reused across one output column (R outputs; docs/spec/MODELS.md 3, AccDNN),
  // so the stage streams its M * (C/g) * Kh * Kw weights once per output column: Q times a frame.
  // Per busy cycle that is CPF * KPF * D_w / R when the lanes divide the channels; the exact form
  // does not charge weights to idle lanes.
  const bool streams = (s.kind == LayerKind::kConv || s.kind == LayerKind::kFc) &&
                       !weights_on_chip && s.weight_elements > 0;
  if (streams) {
    const double bits_per_frame =
        static_cast<double>(s.M * (s.C / s.groups) * s.kh * s.kw * s.Q) * bits;
    d.weight_bits_per_cycle = bits_per_frame / static_cast<double>(d.cycles);
    // A refill brings one kernel group, KPF (at most M) kernels of (C/g) * Kh * Kw weights,
    // stored in the order the stage reads them (docs/models.md 2.3).
    d.weight_burst_bytes = static_cast<double>(std::min<int64_t>(kpf, s.M) * (s.C / s.groups) *
                                               s.kh * s.kw) *
                           bits / 8.0;
  }
  return d;
}

}  // namespace dnne::model

namespace dnne {

StageCost pipeline_stage_cost(const Workload& workload, int stage, const StageParallelism& p,
                              int batch, const PartBudget& budget,
                              const StageDspOverhead& overhead) {
  if (stage < 0 || stage >= workload.stage_count()) return {};
  const StageLayer& s = workload.stage(stage);
  const model::StageDetail d = model::stage_detail(
      s, p.cpf, p.kpf, p.weights_on_chip, budget.precision_bits,
      dsp_rate(budget.dsp_family, budget.precision_bits, Operands::kDense, budget.dsp_double_rate),
      budget.uram > 0);
  const int64_t b = std::max(1, batch);
  return {.cycles = d.cycles,
          .dsp = d.dsp_per_replica * b + model::stage_overhead_dsp(s, overhead),
          .bram18 = d.bram18(b),
          .uram = d.uram(b),
          .lut = d.lut(b),
          .weight_bits_per_cycle =
              d.weight_bits_per_cycle / burst_efficiency(budget.burst_curve, d.weight_burst_bytes),
          .dma_channels = d.dma_channels};
}

}  // namespace dnne
