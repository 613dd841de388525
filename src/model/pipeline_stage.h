// One DNNBuilder pipeline stage, resource by resource (internal to src/model; the public
// entry point is pipeline_stage_cost in model/evaluate.h). docs/models.md section 3.
#pragma once

#include <cstdint>

#include "model/workload.h"

namespace dnne::model {

struct StageDetail {
  int64_t cycles = 0;                // per frame, in one batch replica
  int64_t dsp_per_replica = 0;       // ceil(CPF * KPF / pack) for MAC stages, 0 otherwise
  int64_t cache_bram18 = 0;          // column cache, per batch replica
  int64_t skip_bram18 = 0;           // skip buffer of a join, per batch replica
  int64_t weight_bram18 = 0;         // ping-pong kernel groups or all weights; shared by the batch
  double weight_bits_per_cycle = 0;  // DRAM weight stream while busy; 0 with weights on chip
};

// cpf/kpf below 1 are treated as 1 (the caller reports them as design violations).
StageDetail stage_detail(const StageLayer& s, int cpf, int kpf, bool weights_on_chip, int bits,
                         int pack);

// True for the stage kinds that multiply-accumulate on DSPs (conv, fc, matmul).
inline bool is_mac_stage(LayerKind kind) {
  return kind == LayerKind::kConv || kind == LayerKind::kFc || kind == LayerKind::kMatMul;
}

}  // namespace dnne::model
