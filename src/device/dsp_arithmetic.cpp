// The DSP arithmetic table (docs/models.md 2.1 gives each row's source).
#include "device/dsp_arithmetic.h"

#include <algorithm>

namespace dnne {

DspRate dsp_rate(DspFamily family, int precision_bits, Operands operands) {
  if (precision_bits > 16) {
    // IEEE single precision. DSP48E1/E2: an HLS float multiply takes 2 slices and a float
    // add 3, so a multiply-accumulate 5 (dhm2013724/yolov2_xilinx_fpga README; 448 lanes x 5
    // = Zhang FPGA'15's 2,240 DSP48E1). DSP58: its DSPFP32 mode is one single-precision
    // multiply-add per slice (Xilinx AM004, Versal DSP Engine architecture manual).
    return {.dsps_per_multiply = family == DspFamily::kDsp58 ? 1 : 5};
  }
  if (precision_bits > 8 || operands == Operands::kIndependent) return {};
  switch (family) {
    case DspFamily::kDsp48E1:
      // AccDNN (DNNBuilder's RTL) splits a DSP48E1 into two 8-bit multipliers sharing the
      // activation, for an even KPF (IBM/AccDNN README "Beyond the demo", `dsp_split`).
      return {.shared = 2};
    case DspFamily::kDsp48E2:
      // Two 8-bit products sharing one operand through the 27-bit pre-adder (Xilinx WP486).
      return {.shared = 2};
    case DspFamily::kDsp58:
      // INT8 dot-product mode: three 8-bit products summed per cycle (Xilinx AM004).
      return {.summed = 3};
  }
  return {};
}

DspRate dsp_rate(DspFamily family, int precision_bits, Operands operands, bool double_rate) {
  DspRate rate = dsp_rate(family, precision_bits, operands);
  // PG338: the DPU's DSPs run on dpu_2x_clk, twice the data clock, each slice doing two
  // fabric cycles' multiplies (docs/reference-data.md 1.2).
  if (double_rate) rate.clock_ratio = 2;
  return rate;
}

double dsp_fmax_mhz(DspFamily family) {
  switch (family) {
    case DspFamily::kDsp48E1:
      return 0;  // not sourced (docs/models.md 2.4)
    case DspFamily::kDsp48E2:
      // "FMAX with all registers used", -2 speed grade at VCCINT 0.85 V: 775 MHz (DS922 Kintex
      // UltraScale+, DS923 Virtex UltraScale+, DS925 Zynq UltraScale+ MPSoC).
      return 775;
    case DspFamily::kDsp58:
      // FMAX_INT_MULT (27 x 24 multiply), -2 speed grade at 0.80 V: 1,070 MHz (DS960).
      return 1070;
  }
  return 0;
}

int64_t dsps_for_array(int64_t summed, int64_t shared, const DspRate& rate) {
  const auto ceil_div = [](int64_t a, int64_t b) { return (a + b - 1) / b; };
  return ceil_div(ceil_div(std::max<int64_t>(1, summed), std::max(1, rate.summed)) *
                      ceil_div(std::max<int64_t>(1, shared), std::max(1, rate.shared)) *
                      std::max(1, rate.dsps_per_multiply),
                  std::max(1, rate.clock_ratio));
}

}  // namespace dnne
