// The catalog's figures. Resource counts are the part's totals from its family data sheet
// (a BRAM36 counts as two BRAM18; URAM blocks are 288 Kb). External-memory bandwidth is the
// board's memory interface: data width x transfer rate (e.g. DDR4-2400 x 64 bit = 19.2 GB/s per
// channel) or the Alveo data sheet's HBM figure. Clocks are the accelerator clocks the
// DNNBuilder/HybridDNN/DNNExplorer papers report for that board where they used it, and a
// conservative 200 MHz for a 16-bit HLS accelerator elsewhere (our choice, marked as such).
#include "device/catalog.h"

namespace dnne {

namespace {

constexpr const char* kOurClock = "clock: 200 MHz, our conservative HLS accelerator clock";

std::vector<Device> build_catalog() {
  using F = DspFamily;
  return {
      {.name = "zc706",
       .part = "XC7Z045",
       .board = "ZC706",
       .dsp = 900,
       .bram18 = 1090,
       .uram = 0,
       .lut = 218600,
       .dram_bw_gbps = 12.8,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E1,
       .source = "DS190 Zynq-7000 overview (XC7Z045: 900 DSP48E1, 545 BRAM36, 218,600 LUTs); "
                 "UG954 ZC706 guide (PL DDR3 SODIMM, 64 bit x 1600 MT/s = 12.8 GB/s); "
                 "clock: DNNBuilder (ICCAD'18) ZC706 designs at 200 MHz"},
      {.name = "pynq_z1",
       .part = "XC7Z020",
       .board = "PYNQ-Z1",
       .dsp = 220,
       .bram18 = 280,
       .uram = 0,
       .lut = 53200,
       .dram_bw_gbps = 2.1,
       .clock_mhz = 100,
       .dsp_family = F::kDsp48E1,
       .source = "DS190 Zynq-7000 overview (XC7Z020: 220 DSP48E1, 140 BRAM36, 53,200 LUTs); "
                 "Digilent PYNQ-Z1 reference manual (DDR3, 16 bit x 1050 Mb/s = 2.1 GB/s); "
                 "clock: HybridDNN (DAC'20) PYNQ-Z1 designs at 100 MHz"},
      {.name = "ultra96",
       .part = "XCZU3EG",
       .board = "Ultra96-V2",
       .dsp = 360,
       .bram18 = 432,
       .uram = 0,
       .lut = 70560,
       .dram_bw_gbps = 8.5,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS891 Zynq UltraScale+ MPSoC overview (XCZU3EG: 360 DSP48E2, 216 "
                             "BRAM36, 70,560 LUTs); Avnet Ultra96-V2 hardware user guide "
                             "(LPDDR4, 32 bit x 2133 MT/s = 8.5 GB/s); ") +
                 kOurClock},
      {.name = "zcu102",
       .part = "XCZU9EG",
       .board = "ZCU102",
       .dsp = 2520,
       .bram18 = 1824,
       .uram = 0,
       .lut = 274080,
       .dram_bw_gbps = 19.2,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS891 Zynq UltraScale+ MPSoC overview (XCZU9EG: 2,520 DSP48E2, "
                             "912 BRAM36, 274,080 LUTs); UG1182 ZCU102 guide (PS DDR4 SODIMM, "
                             "64 bit x 2400 MT/s = 19.2 GB/s); ") +
                 kOurClock},
      {.name = "zcu104",
       .part = "XCZU7EV",
       .board = "ZCU104",
       .dsp = 1728,
       .bram18 = 624,
       .uram = 96,
       .lut = 230400,
       .dram_bw_gbps = 19.2,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS891 Zynq UltraScale+ MPSoC overview (XCZU7EV: 1,728 DSP48E2, "
                             "312 BRAM36, 96 URAM, 230,400 LUTs); UG1267 ZCU104 guide (PS DDR4, "
                             "64 bit x 2400 MT/s = 19.2 GB/s); ") +
                 kOurClock},
      {.name = "ku115",
       .part = "XCKU115",
       .board = "KCU1500",
       .dsp = 5520,
       .bram18 = 4320,
       .uram = 0,
       .lut = 663360,
       .dram_bw_gbps = 76.8,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = "DS890 UltraScale family overview (XCKU115: 5,520 DSP48E2, 2,160 BRAM36, "
                 "663,360 LUTs); UG1260 KCU1500 guide (four DDR4 channels, 64 bit x 2400 MT/s = "
                 "4 x 19.2 GB/s); clock: DNNBuilder (ICCAD'18) and DNNExplorer (ICCAD'20) "
                 "KU115 designs at 200 MHz"},
      // DNNBuilder's own budget for the KU115 (the paper's setup): AccDNN's chip_define.py
      // (xcku115-flva1517-2-e: DSP_NUM = 4600, RAM18E_NUM = 3500, DDR_BANDWIDTH = 80000.0 in
      // Mb/s, the unit model.py parallelism_auto_optimization compares it in: 10 GB/s);
      // docs/reference-data.md 3.1.
      {.name = "ku115_accdnn",
       .part = "XCKU115",
       .board = "AccDNN KU115 budget",
       .dsp = 4600,
       .bram18 = 3500,
       .uram = 0,
       .lut = 663360,
       .dram_bw_gbps = 10.0,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = "AccDNN chip_define.py (xcku115-flva1517-2-e: DSP_NUM 4600, RAM18E_NUM 3500, "
                 "DDR_BANDWIDTH 80000 Mb/s = 10 GB/s; docs/reference-data.md 3.1); LUTs: DS890 "
                 "(XCKU115, 663,360); clock: AccDNN settings.py CLOCK_FREQUENCY 200 MHz"},
      {.name = "vcu118",
       .part = "XCVU9P",
       .board = "VCU118",
       .dsp = 6840,
       .bram18 = 4320,
       .uram = 960,
       .lut = 1182240,
       .dram_bw_gbps = 38.4,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS890 UltraScale family overview (XCVU9P: 6,840 DSP48E2, 2,160 "
                             "BRAM36, 960 URAM, 1,182,240 LUTs); UG1224 VCU118 guide (two DDR4 "
                             "channels, 64 data bits x 2400 MT/s = 2 x 19.2 GB/s); ") +
                 kOurClock},
      {.name = "aws_f1",
       .part = "XCVU9P",
       .board = "AWS EC2 F1",
       .dsp = 6840,
       .bram18 = 4320,
       .uram = 960,
       .lut = 1182240,
       .dram_bw_gbps = 68.3,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS890 UltraScale family overview (XCVU9P); AWS aws-fpga HDK shell "
                             "specification (four DDR4 channels, 64 data bits x 2133 MT/s = 4 x "
                             "17.06 GB/s); shell: 'about 20 % of the FPGA resources' (aws-fpga "
                             "FAQ, docs/reference-data.md 4); ") +
                 kOurClock,
       .shell_share = 0.20},
      // The VU9P of HybridDNN (DAC'20): the paper's abstract names the part (3,375.7 GOPS on a
      // VU9P), not the board, its memory or its clock; those are unconfirmed here.
      {.name = "vu9p_hybriddnn",
       .part = "XCVU9P",
       .board = "VU9P board (HybridDNN)",
       .dsp = 6840,
       .bram18 = 4320,
       .uram = 960,
       .lut = 1182240,
       .dram_bw_gbps = 38.4,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS890 UltraScale family overview (XCVU9P: 6,840 DSP48E2, 2,160 "
                             "BRAM36, 960 URAM, 1,182,240 LUTs); HybridDNN (DAC'20) abstract: "
                             "'a high-end FPGA (VU9P)'; board, DRAM (VCU118's 2 x DDR4-2400 x 64 "
                             "assumed) and clock unconfirmed; ") +
                 kOurClock,
       .unconfirmed = {"board", "dram_bw_gbps", "clock_mhz"}},
      {.name = "u50",
       .part = "XCU50",
       .board = "Alveo U50",
       .dsp = 5952,
       .bram18 = 2688,
       .uram = 640,
       .lut = 871680,
       .dram_bw_gbps = 316,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS965 Alveo U50 data sheet (5,952 DSP, 1,344 BRAM36, 640 URAM, "
                             "872K LUTs; 8 GB HBM2 at 316 GB/s); ") +
                 kOurClock + "; shell: U200's 14 % assumed (unconfirmed)",
       .unconfirmed = {"shell_share"},
       .shell_share = 0.14},
      {.name = "u200",
       .part = "XCU200",
       .board = "Alveo U200",
       .dsp = 6840,
       .bram18 = 4320,
       .uram = 960,
       .lut = 1182240,
       .dram_bw_gbps = 76.8,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source =
           std::string("DS962 Alveo U200/U250 data sheet (U200: 6,840 DSP, 2,160 BRAM36, "
                       "960 URAM, 1,182K LUTs; four DDR4-2400 x 64 bit channels, 77 GB/s); "
                       "shell: 14 % of DSP and BRAM (UG1702's platforminfo example, 5,880 of "
                       "6,840 DSP and 1,860 of 2,160 BRAM36 left; that it is this card's "
                       "platform is unconfirmed, docs/reference-data.md 4); ") +
           kOurClock,
       .unconfirmed = {"shell_share"},
       .shell_share = 0.14},
      {.name = "u250",
       .part = "XCU250",
       .board = "Alveo U250",
       .dsp = 12288,
       .bram18 = 5376,
       .uram = 1280,
       .lut = 1728000,
       .dram_bw_gbps = 76.8,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS962 Alveo U200/U250 data sheet (U250: 12,288 DSP, 2,688 BRAM36, "
                             "1,280 URAM, 1,728K LUTs; four DDR4-2400 x 64 bit channels, 77 "
                             "GB/s); ") +
                 kOurClock + "; shell: U200's 14 % assumed (unconfirmed)",
       .unconfirmed = {"shell_share"},
       .shell_share = 0.14},
      {.name = "u280",
       .part = "XCU280",
       .board = "Alveo U280",
       .dsp = 9024,
       .bram18 = 4032,
       .uram = 960,
       .lut = 1303680,
       .dram_bw_gbps = 460,
       .clock_mhz = 200,
       .dsp_family = F::kDsp48E2,
       .source = std::string("DS963 Alveo U280 data sheet (9,024 DSP, 2,016 BRAM36, 960 URAM, "
                             "1,304K LUTs; 8 GB HBM2 at 460 GB/s, plus 32 GB DDR4 at 38 GB/s not "
                             "counted); ") +
                 kOurClock + "; shell: U200's 14 % assumed (unconfirmed)",
       .unconfirmed = {"shell_share"},
       .shell_share = 0.14},
  };
}

}  // namespace

const std::vector<Device>& device_catalog() {
  static const std::vector<Device> catalog = build_catalog();
  return catalog;
}

}  // namespace dnne
