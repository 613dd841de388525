// One DNNBuilder pipeline stage, resource by resource (internal to src/model; the public
// entry point is pipeline_stage_cost in model/evaluate.h). docs/models.md section 3.
#pragma once

#include <cstdint>

#include "design/design.h"
#include "device/dsp_arithmetic.h"
#include "model/workload.h"

namespace dnne::model {

struct StageDetail {
  int64_t cycles = 0;                // per frame, in one batch replica
  int64_t dsp_per_replica = 0;       // the CPF x KPF array's DSPs for MAC stages, 0 otherwise
  int64_t cache_bram18 = 0;          // column cache, per batch replica
  int64_t skip_bram18 = 0;           // skip buffer of a join, per batch replica
  int64_t weight_bram18 = 0;         // weights (ping-pong or all) and biases; shared by the batch
  int64_t replica_uram = 0;          // cache + skip buffer blocks mapped to URAM288, per replica
  int64_t weight_uram = 0;           // weight and bias blocks mapped to URAM288
  int64_t lut_per_replica = 0;       // adder tree + accumulators, or pooling/element-wise lanes
  int64_t lut_stage = 0;             // the stage's controller, once per stage
  double weight_bits_per_cycle = 0;  // DRAM weight stream while busy; 0 with weights on chip
  // One refill of the ping-pong weight buffer, the stream's burst length (docs/models.md 2.3).
  double weight_burst_bytes = 0;
  // Weight DMA channels: 1 for a conv/fc streaming its weights (accdnn_rules.h), else 0.
  int64_t dma_channels = 0;

  int64_t bram18(int64_t batch) const {
    return (cache_bram18 + skip_bram18) * batch + weight_bram18;
  }
  int64_t uram(int64_t batch) const { return replica_uram * batch + weight_uram; }
  int64_t lut(int64_t batch) const { return lut_per_replica * batch + lut_stage; }
};

// cpf/kpf below 1 are treated as 1 (the caller reports them as design violations).
// `rate` is the DSP table's dense row for the part's family and precision; with
// `uram_available` each buffer may map to URAM288 (bram_mapping.h's rule).
StageDetail stage_detail(const StageLayer& s, int cpf, int kpf, bool weights_on_chip, int bits,
                         const DspRate& rate, bool uram_available);

// True for the stage kinds that multiply-accumulate on DSPs (conv, fc, matmul).
inline bool is_mac_stage(LayerKind kind) {
  return kind == LayerKind::kConv || kind == LayerKind::kFc || kind == LayerKind::kMatMul;
}

// What a stage's products share (device/dsp_arithmetic.h): a grouped conv with one output
// channel per group (depthwise) gives every KPF lane its own input, so no two pack.
inline Operands stage_operands(const StageLayer& s) {
  return s.groups > 1 && s.M / s.groups < 2 ? Operands::kIndependent : Operands::kDense;
}

// The multiplier array's DSPs for one replica of a MAC stage (docs/models.md 3.2).
inline int64_t stage_array_dsp(const StageLayer& s, int64_t cpf, int64_t kpf,
                               const DspRate& dense) {
  return dsps_for_array(cpf, kpf,
                        stage_operands(s) == Operands::kDense
                            ? dense
                            : DspRate{.dsps_per_multiply = dense.dsps_per_multiply,
                                      .clock_ratio = dense.clock_ratio});
}

// Controller DSPs of a stage: once per stage, whatever the batch (AccDNN).
inline int64_t stage_overhead_dsp(const StageLayer& s, const StageDspOverhead& overhead) {
  return is_mac_stage(s.kind) ? overhead.weighted_stage : overhead.other_stage;
}

}  // namespace dnne::model
