// The cost models' public entry points. Pure functions of (workload, design, budget): no I/O,
// no globals, and no allocation once `out.layers` has the workload's size, because the
// search calls them millions of times.
#pragma once

#include "design/design.h"
#include "device/device.h"
#include "device/dsp_arithmetic.h"
#include "model/estimate.h"
#include "model/workload.h"

namespace dnne {

// The budget one part of a hybrid design may use: the same figures as a whole budget, with
// the part's share of DSP, BRAM and bandwidth.
using PartBudget = Budget;

// One pipeline stage (docs/spec/MODELS.md section 3): cycles per frame, DSPs, BRAM18 for its column
// cache + weight buffer (+ skip buffer) at the given batch, and the weight bits per cycle it
// streams from DRAM while busy, as link time: the payload divided by the efficiency of its
// burst length (docs/models.md 2.3), so the search weighs what the link really spends.
struct StageCost {
  int64_t cycles = 0;
  int64_t dsp = 0;
  int64_t bram18 = 0;
  int64_t uram = 0;  // URAM288 blocks (buffers the part may move there, docs/models.md 3.3)
  int64_t lut = 0;   // docs/models.md 2.2
  double weight_bits_per_cycle = 0;
  // DMA channels the stage takes: one for a weighted stage that streams its weights from DRAM
  // (AccDNN wires one per such layer, at most kAccDnnDmaChannels per pipeline part).
  int64_t dma_channels = 0;
};
StageCost pipeline_stage_cost(const Workload& workload, int stage, const StageParallelism& p,
                              int batch, const PartBudget& budget,
                              const StageDspOverhead& overhead = {});

// Link time, in bits at the peak rate, that part A = stages [0, split_point) spends per frame
// on DRAM data besides weights (operands read from the network input, outputs that leave the
// part), each divided by its burst efficiency (docs/models.md 2.3), as evaluate_pipeline_part
// counts them: the search's pre-checks ask this rather than restating it (issue 9).
double pipeline_activation_link_bits(const Workload& workload, int split_point,
                                     int precision_bits, const BurstCurve& curve);

// Bits per cycle a DRAM link of `dram_bw_gbps` moves at `clock_mhz`, 0 for no usable link:
// the conversion every model and the search use (docs/models.md 3.4).
double dram_link_bits_per_cycle(double dram_bw_gbps, double clock_mhz);

// Part A alone: stages [0, split_point). Fills out.layers[0, split_point) and out.pipeline.
void evaluate_pipeline_part(const Workload& workload, int split_point, const PipelineDesign& design,
                            const PartBudget& budget, Estimate& out);

// The DSP table's row for a generic engine (docs/models.md 2.1): dense, or no packing at all
// when the engine has a Winograd mode (winograd_m > 0).
DspRate generic_engine_dsp_rate(DspFamily family, int precision_bits, int winograd_m,
                                bool double_rate = false);

// Part B alone: stages [split_point, N). Fills out.layers[split_point, N) and out.generic.
void evaluate_generic_part(const Workload& workload, int split_point, const GenericDesign& design,
                           const PartBudget& budget, Estimate& out);

// The generic engine's LUTs (docs/models.md 2.2): its control, the P_in x P_out array's adder
// trees and acc_bits accumulators, P_out pooling and element-wise lanes, and with winograd_m
// (2 or 4) the input and output transforms.
int64_t generic_engine_lut(int64_t p_in, int64_t p_out, int precision_bits, int acc_bits,
                           int winograd_m);

// The fewest BRAM18 blocks a generic-engine buffer may have to serve `lanes` elements per
// cycle (P_in for the input buffer, P_out for the weight and output buffers): a cheap
// pre-check for the search; evaluate_generic_part reports a smaller buffer as a violation.
int64_t generic_buffer_min_bram18(int64_t lanes, int precision_bits);

// The width of the generic engine's partial sums, which its output buffer holds while it
// accumulates over input-channel tiles (docs/models.md 4.1): a product's 2D bits plus
// ceil(log2(terms)) guard bits for the most terms any of stages [split_point, N) sums
// (C/g * Kh * Kw), at most the DSP's 48-bit accumulator (UG579).
int generic_accumulator_bits(const Workload& workload, int split_point, int precision_bits);

// The whole design: the hybrid composition (docs/spec/MODELS.md section 5) of the two parts, with
// the design's resource split of the budget; covers pipeline-only (SP = N) and generic-only (SP =
// 0) exactly.
void evaluate(const Workload& workload, const Design& design, const Budget& budget, Estimate& out);
Estimate evaluate(const Workload& workload, const Design& design, const Budget& budget);

// The same with part B's figures already known: `generic_figures` as evaluate_generic_part
// would sum them for design.generic on part B's budget (the search's per-class evaluation
// gives exactly those: GenericByClass.SameFiguresAsTheModel). Part B is not evaluated again:
// out.generic is set from them, and out.layers[SP, N) are not filled. The search's figures for
// a design whose part B it has just costed; whatever shows a design's layers evaluates it whole.
void evaluate(const Workload& workload, const Design& design, const Budget& budget, Estimate& out,
              const PartSummary& generic_figures);

}  // namespace dnne
