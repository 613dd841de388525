// The reference-accelerator library. Facts and their tags are in docs/reference-data.md
// (sections 1 and 2); this file only transcribes them.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "reference/reference_design.h"

namespace dnne {

namespace {

// One DPUCZDX8G architecture (docs/reference-data.md 1.1 and 1.3).
struct DpuArch {
  int size;  // peak ops per cycle: B512 ... B4096
  int pp, icp, ocp;
  // PG338 v1.2 Table 9, high DSP usage (the ZCU102 TRD's DSP48_USAGE_HIGH), per core.
  int dsp_high, lut_high;
  double bram36_high;
  // PG338 v3.4 DepthwiseConv table: the depthwise engine's extra resources per core.
  int dw_dsp, dw_lut;
  double dw_bram36;
  // URAM banks per core with URAM enabled (Vitis-AI v2.0 DPU-TRD README 5.3.2): img+wgt+bias.
  int uram_banks;
};

constexpr DpuArch kDpuArchs[] = {
    {512, 4, 8, 8, 98, 20177, 69.5, 12, 1734, 4, 2 + 9 + 1},
    {800, 4, 10, 10, 142, 20617, 87, 15, 2293, 4.5, 2 + 11 + 1},
    {1024, 8, 8, 8, 194, 27377, 101.5, 24, 2744, 4, 4 + 9 + 1},
    {1152, 4, 12, 12, 194, 28698, 117.5, 18, 2365, 5.5, 2 + 13 + 1},
    {1600, 8, 10, 10, 282, 30877, 123, 30, 3392, 4.5, 4 + 11 + 1},
    {2304, 8, 12, 12, 386, 34379, 161.5, 36, 3943, 5.5, 4 + 13 + 1},
    {3136, 8, 14, 14, 506, 38555, 203.5, 42, 4269, 6.5, 4 + 15 + 1},
    {4096, 8, 16, 16, 642, 40865, 249.5, 48, 4930, 7.5, 5 + 17 + 1},
};

// Boards a DPU configuration was published (measured) on: the model-zoo tables and the KV260
// tutorial (docs/reference-data.md 1.2, 1.5).
std::string dpu_boards(int size, int cores, bool uram) {
  if (size == 4096 && cores == 3 && !uram) return "ZCU102 (Vitis AI model zoo, 281 MHz)";
  if (size == 4096 && cores == 2 && uram) return "ZCU104 (Vitis AI model zoo, 300 MHz)";
  if (size == 4096 && cores == 1 && uram) return "KV260 (Vitis AI model zoo, 300 MHz)";
  if (size == 1600 && cores == 1) return "Ultra96 (Vitis AI model zoo, 287 MHz)";
  return "";
}

ReferenceDesign dpu(const DpuArch& a, int cores, bool uram) {
  ReferenceDesign d;
  d.name = "dpu_b" + std::to_string(a.size) + "x" + std::to_string(cores) + (uram ? "_uram" : "");
  d.family = "dpu";
  d.paradigm = "generic";
  d.description = "Xilinx DPUCZDX8G B" + std::to_string(a.size) + " (PP " + std::to_string(a.pp) +
                  " x ICP " + std::to_string(a.icp) + " x OCP " + std::to_string(a.ocp) + "), " +
                  std::to_string(cores) + (cores == 1 ? " core" : " cores") + ", depthwise engine" +
                  (uram ? ", URAM buffers" : "");
  d.published_on = dpu_boards(a.size, cores, uram);
  d.source =
      "PG338 (parallelism v3.4; DSP/LUT/BRAM v1.2 Table 9 high DSP usage + v3.4 DepthwiseConv "
      "extras; URAM banks Vitis-AI v2.0 DPU-TRD README 5.3.2)";
  d.pp = a.pp;
  d.icp = a.icp;
  d.ocp = a.ocp;
  d.cores = cores;
  d.depthwise_pp = a.pp / 2;  // PG338 v3.4: depthwise parallelism is half the pixel parallelism
  d.double_rate_dsp = true;
  d.macs_per_dsp = 4;  // [D] low-DSP table = PP*ICP*OCP/4 + 2: 4 MACs per DSP per data cycle
  d.clock_mhz = 300;   // PG338 / zoo builds run 281-300 MHz; 300 on ZCU104 and KV260
  d.precision_bits = 8;
  d.dsp = static_cast<int64_t>(cores) * (a.dsp_high + a.dw_dsp);
  d.lut = static_cast<int64_t>(cores) * (a.lut_high + a.dw_lut);
  if (uram) {
    d.uram = static_cast<int64_t>(cores) * a.uram_banks;  // BRAM left with URAM: not published
  } else {
    d.bram18 = static_cast<int64_t>(std::lround(2.0 * cores * (a.bram36_high + a.dw_bram36)));
  }
  return d;
}

// An HLS/RTL tiled engine with Tn input x Tm output channels (Zhang FPGA'15 notation).
ReferenceDesign tiled(std::string name, std::string family, std::string description,
                      std::string boards, std::string source, int tn, int tm, int ii, double clock,
                      int bits, int64_t dsp, int64_t bram18, int64_t lut, int64_t tile_pixels = 0) {
  ReferenceDesign d;
  d.name = std::move(name);
  d.family = std::move(family);
  d.paradigm = "generic";
  d.description = std::move(description);
  d.published_on = std::move(boards);
  d.source = std::move(source);
  d.icp = tn;
  d.ocp = tm;
  d.ii = ii;
  d.clock_mhz = clock;
  d.precision_bits = bits;
  d.macs_per_dsp = bits == 32 ? 0.2 : 1.0;
  d.dsp = dsp;
  d.bram18 = bram18;
  d.lut = lut;
  d.tile_pixels = tile_pixels;
  return d;
}

std::vector<ReferenceDesign> build_library() {
  std::vector<ReferenceDesign> all;
  for (const DpuArch& a : kDpuArchs)
    for (int cores = 1; cores <= 4; ++cores) all.push_back(dpu(a, cores, false));
  for (const DpuArch& a : kDpuArchs)
    for (int cores = 1; cores <= 4; ++cores) all.push_back(dpu(a, cores, true));

  const std::string caffeine =
      "Caffeine, Zhang et al. ICCAD'16 (AriesLL/ariesll.github.io 2016_iccad.pdf): Sec. 5.2 "
      "tiling, Table 5 resources";
  ReferenceDesign c =
      tiled("caffeine_ku060", "caffeine",
            "Caffeine 16-bit fixed, Tm 32 x Tn 32, FCN weight-major batch 32",
            "KU060 (Alpha-Data KU3)", caffeine, 32, 32, 1, 200, 16, 1058, 782, 100000);
  c.fc_batch = 32;
  c.tile_pixels = 6272;  // Tr x Tc (Sec. 5.2)
  all.push_back(c);

  ReferenceDesign q =
      tiled("qiu16_zc706", "qiu16",
            "Qiu et al. FPGA'16, 2 PEs x 64 3x3 convolvers, 16-bit dynamic fixed point", "ZC706",
            "Qiu et al. FPGA'16 via Caffeine ICCAD'16 Table 6 and a third-party reading card [3P]; "
            "channel mapping of the convolvers [I]",
            64, 2, 1, 150, 16, 780, 972, 182616);
  q.kph = q.kpw = 3;
  all.push_back(q);

  all.push_back(tiled("zhang15_vc707", "zhang15",
                      "Zhang et al. FPGA'15 roofline engine, 32-bit float, Tm 64 x Tn 7", "VC707",
                      "Zhang et al. FPGA'15 via Caffeine ICCAD'16 Table 6 and a reading card "
                      "[3P]; Tm/Tn [I]",
                      7, 64, 1, 100, 32, 2240, 1024, 186251));

  const std::string yolo = "dhm2013724/yolov2_xilinx_fpga README.md";
  all.push_back(tiled("yolov2hls_pynqz1_n2m32", "yolov2_hls",
                      "open YOLOv2 HLS engine, fixed-16, Tn 2 x Tm 32", "PYNQ-Z1",
                      yolo + " at 0710ddb (2018); tiling: hls/cnn.cpp at cc4210a", 2, 32, 1, 130,
                      16, 106, 200, 27495, 26 * 26));
  all.push_back(
      tiled("yolov2hls_z7020_n4m32", "yolov2_hls", "open YOLOv2 HLS engine, fixed-16, Tn 4 x Tm 32",
            "PYNQ-Z1, Zedboard",
            yolo + " at a118d90 (2019) and ec33f7c (2023); tiling: hls/cnn.cpp at 2e97107", 4, 32,
            1, 150, 16, 153, 176, 35977, 26 * 26));
  all.push_back(tiled("yolov2hls_zcu102_n4m32", "yolov2_hls",
                      "open YOLOv2 HLS engine, fixed-16, Tn 4 x Tm 32", "ZCU102",
                      yolo + " at ec33f7c (2023)", 4, 32, 1, 180, 16, 147, 176, 36759, 26 * 26));
  all.push_back(tiled("yolov2hls_zu3eg_a", "yolov2_hls",
                      "open YOLOv2 HLS engine design A, float-32, Tn 4 x Tm 28, II 3",
                      "EdgeBoard (ZU3EG)", yolo + " at ec33f7c, design A", 4, 28, 3, 200, 32, 259,
                      181, 31983, 26 * 32));
  all.push_back(tiled("yolov2hls_zu3eg_b", "yolov2_hls",
                      "open YOLOv2 HLS engine design B, float-32, Tn 4 x Tm 36, II 3",
                      "EdgeBoard (ZU3EG)", yolo + " at ec33f7c, design B", 4, 36, 3, 190, 32, 334,
                      218, 44855, 26 * 32));
  all.push_back(tiled("yolov2hls_zu3eg_c", "yolov2_hls",
                      "open YOLOv2 HLS engine design C, fixed-16, Tn 8 x Tm 24",
                      "EdgeBoard (ZU3EG)", yolo + " at ec33f7c, design C", 8, 24, 1, 190, 16, 253,
                      176, 50447, 26 * 26));
  all.push_back(tiled("yolov2hls_zu3eg_d", "yolov2_hls",
                      "open YOLOv2 HLS engine design D, fixed-16, Tn 8 x Tm 24",
                      "EdgeBoard (ZU3EG)", yolo + " at ec33f7c, design D", 8, 24, 1, 190, 16, 253,
                      180, 51296, 26 * 26));
  return all;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

}  // namespace

const std::vector<ReferenceDesign>& reference_designs() {
  static const std::vector<ReferenceDesign> library = build_library();
  return library;
}

const ReferenceDesign* find_reference_design(const std::string& name) {
  const std::string key = lower(name);
  for (const ReferenceDesign& d : reference_designs())
    if (d.name == key) return &d;
  return nullptr;
}

std::vector<std::string> reference_design_names() {
  std::vector<std::string> names;
  for (const ReferenceDesign& d : reference_designs()) names.push_back(d.name);
  return names;
}

}  // namespace dnne
