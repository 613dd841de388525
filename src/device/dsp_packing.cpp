#include "device/device.h"

namespace dnne {

// MACs per DSP slice per cycle:
// - DSP48E2 (UltraScale/UltraScale+): one 27x18 multiplier; two 8-bit MACs sharing one input
//   pack into it through the 27-bit pre-adder (Xilinx WP486, "Deep Learning with INT8
//   Optimization on Xilinx Devices"); one 16-bit MAC.
// - DSP48E1 (7 series): a 25x18 multiplier; WP486's packing needs the 27-bit input, so we
//   count one MAC at 8 and 16 bits (conservative; DNNBuilder's ZC706 designs are 16-bit).
// - DSP58 (Versal): an INT8 vector dot-product mode computing three 8-bit products per cycle
//   (Xilinx AM004, DSP58 architecture manual); one 16-bit MAC in the 27x24 multiplier.
int macs_per_dsp(DspFamily family, int precision_bits) {
  if (precision_bits > 8) return 1;
  switch (family) {
    case DspFamily::kDsp48E1: return 1;
    case DspFamily::kDsp48E2: return 2;
    case DspFamily::kDsp58: return 3;
  }
  return 1;
}

Budget default_budget(const Device& device, int precision_bits) {
  return {.dsp = device.dsp,
          .bram18 = device.bram18,
          .dram_bw_gbps = device.dram_bw_gbps,
          .clock_mhz = device.clock_mhz,
          .precision_bits = precision_bits,
          .dsp_family = device.dsp_family};
}

}  // namespace dnne
