// One accelerator design covering the three paradigms (docs/spec/MODELS.md sections 3-5). The
// network is split at split_point: its first split_point stage layers (model/workload.h) form a
// DNNBuilder pipeline (part A), the rest run on one generic engine (part B). split_point = 0
// is generic-only; split_point = number of stage layers is pipeline-only.
#pragma once

#include <cstdint>
#include <vector>

#include "device/dsp_arithmetic.h"

namespace dnne {

// Parallelism of one pipeline stage: CPF input channels x KPF output channels per cycle per
// frame (DNNBuilder). Pooling/eltwise stages use kpf lanes and cpf = 1.
struct StageParallelism {
  int cpf = 1;
  int kpf = 1;
  // Keep the whole layer's weights on chip instead of streaming ping-pong kernel groups.
  bool weights_on_chip = false;
};

// DSPs each pipeline stage's controller spends besides its MAC lanes, once per stage (not per
// replica): AccDNN's figures by default (device/dsp_arithmetic.h, docs/models.md 2.1).
struct StageDspOverhead {
  int weighted_stage = kDspPerWeightedStage;  // conv, fc, matmul stages
  int other_stage = kDspPerOtherStage;        // pooling and element-wise stages
};

// Part A: the pipelined layers.
struct PipelineDesign {
  std::vector<StageParallelism> stages;  // exactly split_point entries
  int batch = 1;                         // frames in flight (the pipeline replicated)
  StageDspOverhead dsp_overhead;
};

enum class BufferingChoice {
  kAuto,           // the model picks the cheaper alternative per layer
  kInputResident,  // keep an input row-band resident, stream weights per band
  kWeightResident  // keep a weight block resident, stream inputs per block
};

// Part B: the generic reusable engine (HybridDNN-like).
struct GenericDesign {
  int p_in = 1;   // input-channel lanes of the PE array
  int p_out = 1;  // output-channel lanes; DSPs from device/dsp_arithmetic.h
  int batch = 1;  // frames sharing each weight load
  // On-chip buffers (BRAM18 blocks each; double-buffered halves included).
  int64_t input_buffer_bram18 = 0;
  int64_t weight_buffer_bram18 = 0;
  int64_t output_buffer_bram18 = 0;
  BufferingChoice buffering = BufferingChoice::kAuto;
  // HybridDNN's Winograd mode for 3x3 stride-1 convs: 0 off, 2 = F(2x2,3x3), 4 = F(4x4,3x3).
  // The engine then runs each eligible layer in whichever mode is faster.
  int winograd_m = 0;
  // DSPs the engine's control spends besides its lanes (ours, docs/models.md 2.1).
  int dsp_overhead = kDspPerEngine;
};

// How the budget is divided between the parts (docs/spec/MODELS.md section 5). Part A may use at
// most these; part B gets the rest of the budget. With split_point = 0 or = N the one part present
// gets the whole budget and the split is ignored.
struct ResourceSplit {
  int64_t pipeline_dsp = 0;
  int64_t pipeline_bram18 = 0;
  double pipeline_dram_bw_gbps = 0;
};

// The whole budget a design was made for. `explore` records it so that `bench --design`
// gives the generic part the same share (the budget minus the split) without repeating the
// budget flags; it plays no part in evaluation. 0: not recorded (the run's budget applies).
struct DesignBudget {
  int64_t dsp = 0;
  int64_t bram18 = 0;
  double dram_bw_gbps = 0;
  // -1: not recorded; 0 is a real budget here (no URAM; LUTs not checked).
  int64_t uram = -1;
  int64_t lut = -1;
};

struct Design {
  int split_point = 0;
  PipelineDesign pipeline;
  GenericDesign generic;
  ResourceSplit split;
  double clock_mhz = 0;  // 0: the budget's clock
  int precision_bits = 16;
  // The DSPs run at twice clock_mhz (PG338's dpu_2x_clk), each slice doing two cycles'
  // multiplies; 2 x clock must not exceed the family's DSP Fmax (docs/models.md 2.4).
  bool dsp_double_rate = false;
  DesignBudget made_for;
};

}  // namespace dnne
