// How many multiplies a DSP slice does per cycle: one table by DSP family, precision and what
// the products share (docs/models.md section 2.1, every row sourced there). All cost models
// and search allocators count DSPs through this file and nothing else.
#pragma once

#include <cstdint>

#include "device/device.h"

namespace dnne {

// What the products of a multiplier array have in common, which decides whether a DSP can
// carry more than one of them.
enum class Operands {
  // A dense CPF x KPF (P_in x P_out) array: the KPF products of one input share it (WP486's
  // packing), the CPF products of one output are summed (DSP58's dot product).
  kDense,
  // Nothing shared and nothing summed inside a slice: depthwise lanes (each its own channel)
  // and Winograd-domain multiplies (transformed operands are wider than the data).
  kIndependent,
};

// One row of the table: `shared` products of one input per slice (WP486 packing), `summed`
// products of one output per slice (dot-product mode), `dsps_per_multiply` slices for one
// multiply (floating point).
struct DspRate {
  int shared = 1;
  int summed = 1;
  int dsps_per_multiply = 1;
  // Fabric cycles' worth of multiplies a slice does by running at a multiple of the fabric
  // clock: 2 with the double-rate DSP clock (PG338's dpu_2x_clk), else 1.
  int clock_ratio = 1;
  // Multiplies per slice per fabric cycle at best (the dense peak DSP efficiency is measured
  // against).
  double peak_multiplies_per_dsp() const {
    return static_cast<double>(shared * summed * clock_ratio) / dsps_per_multiply;
  }
};

// The table: `precision_bits` 8 or 16 is fixed point, 32 is IEEE single precision.
DspRate dsp_rate(DspFamily family, int precision_bits, Operands operands = Operands::kDense);
// The same row with the double-rate DSP clock applied when `double_rate` (clock_ratio 2).
DspRate dsp_rate(DspFamily family, int precision_bits, Operands operands, bool double_rate);

// The highest clock a family's DSP slice runs at with all its registers, in MHz, from the data
// sheets' switching characteristics (docs/models.md 2.4): DSP48E2 775 (-2 speed grade at
// 0.85 V, DS922/DS923/DS925), DSP58 1,070 (-2 at 0.80 V, FMAX_INT_MULT, DS960); DSP48E1 0:
// no 7-series data sheet figure was at hand, so the double rate is refused there.
double dsp_fmax_mhz(DspFamily family);

// DSP slices for an array of `summed` x `shared` multipliers (CPF x KPF, P_in x P_out):
// ceil(ceil(summed / rate.summed) * ceil(shared / rate.shared) * dsps_per_multiply /
// clock_ratio). Lanes that cannot pair (an odd KPF) still take a whole slice.
int64_t dsps_for_array(int64_t summed, int64_t shared, const DspRate& rate);

// DSPs a design spends on arithmetic that is not a MAC lane (address generation, loop
// control), the defaults the built-in paradigms charge (design fields may change them):
// AccDNN's RTL controllers take 6 per weighted (conv/fc) stage and 2 per other (pooling)
// stage; a generic engine's control takes 6 (ours). docs/models.md 2.1.
constexpr int kDspPerWeightedStage = 6;
constexpr int kDspPerOtherStage = 2;
constexpr int kDspPerEngine = 6;

}  // namespace dnne
