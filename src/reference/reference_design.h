// A published accelerator as a named design template (issue 10): its engine's parallelism, its
// clock and precision, the resources its authors (or the vendor) report, and where each fact
// was read. Templates are data; reference_model.h evaluates them on any network.
// Every figure is sourced in docs/reference-data.md; derived or assumed ones say so there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dnne {

struct ReferenceDesign {
  std::string name;          // "dpu_b4096x3", "caffeine_ku060", ...
  std::string family;        // "dpu", "caffeine", "qiu16", "zhang15", "yolov2_hls"
  std::string paradigm;      // "generic": all published templates are layer-by-layer engines
  std::string description;   // one line
  std::string published_on;  // boards the design was built and measured on ("" for none)
  std::string source;        // where the parallelism and resources were read

  // The engine (one core). Per cycle a core computes pp output pixels x icp input channels x
  // ocp output channels x kph x kpw kernel taps; a step takes `ii` cycles (an HLS pipeline's
  // initiation interval). Cores are identical and work on different frames.
  int pp = 1, icp = 1, ocp = 1;
  int kph = 1, kpw = 1;
  int ii = 1;
  int cores = 1;
  // Pixels per cycle of a separate depthwise unit (channels in parallel = icp); 0 when
  // depthwise convolution runs on the main array like any grouped convolution.
  int depthwise_pp = 0;
  // Output pixels of one tile (Zhang FPGA'15's Tr x Tc); 0 when a layer's whole output map is
  // one tile. A tiled engine reads a layer's inputs once per group of OCP output channels and
  // its weights once per tile (Zhang FPGA'15 Sec. 3, the memory-access model).
  int64_t tile_pixels = 0;
  // Frames that share one fetch of a dense (FC) layer's weights (Caffeine's weight-major FCN
  // mapping with batch 32); 1 everywhere else.
  int fc_batch = 1;
  // DSPs clocked at twice the data clock (DPU dpu_2x_clk): reported, already in `dsp`.
  bool double_rate_dsp = false;
  // Peak MACs one DSP slice completes per data-clock cycle in this design (for DSP
  // efficiency): DPU 4 [D], 16-bit fixed 1, 32-bit float 1/5 [I].
  double macs_per_dsp = 1;

  double clock_mhz = 0;  // data clock of the published build
  int precision_bits = 16;

  // Resources of the whole design (all cores). bram18 is empty when not published (a URAM
  // build of the DPU): fit then does not check it and says so.
  int64_t dsp = 0;
  std::optional<int64_t> bram18;
  int64_t uram = 0;
  int64_t lut = 0;

  int64_t peak_macs_per_cycle() const {
    return static_cast<int64_t>(pp) * icp * ocp * kph * kpw * cores;
  }
};

// The library, in the order `dnnexplorer accelerators` lists it.
const std::vector<ReferenceDesign>& reference_designs();

// Case-insensitive; nullptr when no template has that name.
const ReferenceDesign* find_reference_design(const std::string& name);

std::vector<std::string> reference_design_names();

}  // namespace dnne
