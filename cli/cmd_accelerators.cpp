// `dnnexplorer accelerators [--json]`: the reference-accelerator library (src/reference):
// each template's name, paradigm, engine, the boards it was published on and its source.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "reference/reference_design.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne::cli {

namespace {

std::string engine_text(const ReferenceDesign& d) {
  std::string text =
      std::to_string(d.pp) + "x" + std::to_string(d.icp) + "x" + std::to_string(d.ocp);
  if (d.kph * d.kpw > 1) text += "x" + std::to_string(d.kph) + "x" + std::to_string(d.kpw);
  if (d.cores > 1) text += " x" + std::to_string(d.cores) + " cores";
  return text;
}

int run_accelerators(bool json) {
  const auto& all = reference_designs();
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ReferenceDesign& d : all)
      out.push_back({{"name", d.name},
                     {"family", d.family},
                     {"paradigm", d.paradigm},
                     {"description", d.description},
                     {"published_on", d.published_on},
                     {"source", d.source},
                     {"pp", d.pp},
                     {"icp", d.icp},
                     {"ocp", d.ocp},
                     {"cores", d.cores},
                     {"clock_mhz", d.clock_mhz},
                     {"precision_bits", d.precision_bits},
                     {"dsp", d.dsp},
                     {"bram18", d.bram18 ? nlohmann::json(*d.bram18) : nlohmann::json(nullptr)},
                     {"uram", d.uram},
                     {"lut", d.lut}});
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  TextTable table({{"name", TextTable::Align::kLeft},
                   {"paradigm", TextTable::Align::kLeft},
                   {"engine PPxICPxOCP", TextTable::Align::kLeft},
                   {"MHz"},
                   {"bits"},
                   {"DSP"},
                   {"BRAM18"},
                   {"published on", TextTable::Align::kLeft},
                   {"source", TextTable::Align::kLeft}});
  for (const ReferenceDesign& d : all)
    table.add_row({d.name, d.paradigm, engine_text(d), fixed(d.clock_mhz, 0),
                   std::to_string(d.precision_bits), std::to_string(d.dsp),
                   d.bram18 ? std::to_string(*d.bram18) : "n/p",
                   d.published_on.empty() ? "-" : d.published_on, d.source});
  std::cout << table.render();
  std::cout << "n/p: not published. Evaluate one with: dnnexplorer bench MODEL --device D "
               "--design NAME\n";
  return 0;
}

}  // namespace

Command accelerators_command() {
  return {"accelerators", "list the reference accelerators (published designs) bench can evaluate",
          [](CLI::App& app) -> Runner {
            auto json = std::make_shared<bool>(false);
            app.add_flag("--json", *json, "print JSON");
            return [json] { return run_accelerators(*json); };
          }};
}

}  // namespace dnne::cli
