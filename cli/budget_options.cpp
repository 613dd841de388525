#include "cli/budget_options.h"

#include "cli/common.h"

namespace dnne::cli {

void add_budget_options(CLI::App& app, BudgetOptions& options) {
  app.add_option("--device", options.device,
                 "a catalog device ('dnnexplorer devices' lists them) or a JSON device file")
      ->required();
  app.add_option("--dsp", options.dsp, "DSP slices to use: a count, or a percentage like 90%")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--bram18", options.bram18, "BRAM18 blocks to use: a count, or a percentage")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--uram", options.uram, "URAM288 blocks to use: a count, or a percentage")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--lut", options.lut, "LUTs to use: a count, or a percentage")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--bw-gbps", options.bw_gbps,
                 "external memory bandwidth in GB/s, or a percentage of the device's")
      ->check(non_empty("GB/s or a percentage"));
  app.add_option("--clock-mhz", options.clock_mhz, "accelerator clock in MHz")
      ->check(non_empty("MHz"));
  app.add_option("--headroom", options.headroom,
                 "percent of the DSP and BRAM18 budget kept free, the same for every paradigm "
                 "(default 0; AccDNN keeps 10)")
      ->check(non_empty("a percentage"));
  app.add_option("--precision", options.precision_bits, "bits per weight and activation: 16 or 8");
  app.add_flag("--dsp-double-rate", options.dsp_double_rate,
               "run the DSPs at twice the clock (as Xilinx's DPU does), at most the DSP family's "
               "Fmax");
}

}  // namespace dnne::cli
