#include "reference/reference_compare.h"

#include "report/table.h"
#include "util/number_format.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {

// The budget's DSP and BRAM18 (which --dsp / --bram18 may shrink) and the device's URAM/LUT.
ReferenceFit fit_budget(const ReferenceDesign& d, const Budget& budget, const Device& device) {
  Device limits = device;
  limits.dsp = budget.dsp;
  limits.bram18 = budget.bram18;
  return reference_fit(d, limits);
}

ReferenceComparison evaluate_one(const ReferenceDesign& d, const Workload& workload,
                                 const Budget& budget, const Device& device) {
  ReferenceComparison row;
  row.design = &d;
  const ReferenceFit fit = fit_budget(d, budget, device);
  row.fits = fit.feasible;
  row.why_not = describe(fit);
  row.estimate = evaluate_reference(
      workload, d, {.clock_mhz = d.clock_mhz, .dram_bw_gbps = budget.dram_bw_gbps});
  return row;
}

}  // namespace

Expected<std::vector<ReferenceComparison>> compare_references(
    const Workload& workload, const Budget& budget, const Device& device,
    const std::vector<std::string>& names) {
  std::vector<ReferenceComparison> rows;
  if (!names.empty()) {
    for (const std::string& name : names) {
      const ReferenceDesign* d = find_reference_design(name);
      if (!d)
        return Error{"--with: unknown reference accelerator '" + name + "'" +
                     did_you_mean(name, reference_design_names()) +
                     "; 'dnnexplorer accelerators' lists them"};
      rows.push_back(evaluate_one(*d, workload, budget, device));
    }
    return rows;
  }
  const ReferenceDesign* largest_dpu = nullptr;
  for (const ReferenceDesign& d : reference_designs()) {
    if (!fit_budget(d, budget, device).feasible) continue;
    if (d.family == "dpu" && d.bram18 &&
        (!largest_dpu || d.peak_macs_per_cycle() > largest_dpu->peak_macs_per_cycle()))
      largest_dpu = &d;
    if (!d.published_on.empty()) rows.push_back(evaluate_one(d, workload, budget, device));
  }
  bool listed = false;
  for (const ReferenceComparison& r : rows) listed = listed || r.design == largest_dpu;
  if (largest_dpu && !listed) rows.push_back(evaluate_one(*largest_dpu, workload, budget, device));
  return rows;
}

std::string reference_comparison_table(const std::vector<ReferenceComparison>& rows) {
  if (rows.empty()) return "reference accelerators: none of the library fits this budget\n";
  TextTable table({{"reference", TextTable::Align::kLeft},
                   {"fits", TextTable::Align::kLeft},
                   {"GOP/s"},
                   {"frames/s"},
                   {"latency ms"},
                   {"DSP eff."},
                   {"DSP"},
                   {"BRAM18"},
                   {"MHz"},
                   {"bits"}});
  for (const ReferenceComparison& r : rows) {
    const ReferenceDesign& d = *r.design;
    const ReferenceEstimate& e = r.estimate;
    table.add_row({d.name, r.fits ? "yes" : "NO", fixed(e.throughput_gops, 1),
                   fixed(e.throughput_fps, 2), fixed(e.latency_ms, 3),
                   fixed(100 * e.dsp_efficiency, 1) + " %", std::to_string(d.dsp),
                   d.bram18 ? std::to_string(*d.bram18) : "n/p", fixed(d.clock_mhz, 0),
                   std::to_string(d.precision_bits)});
  }
  std::string text =
      "reference accelerators (published designs, each at its own clock and precision; "
      "latency of one frame on one core; docs/validation.md for their accuracy):\n" +
      table.render();
  for (const ReferenceComparison& r : rows)
    if (!r.fits) text += r.design->name + " does not fit: " + r.why_not + "\n";
  return text;
}

nlohmann::json reference_comparison_json(const std::vector<ReferenceComparison>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ReferenceComparison& r : rows) {
    const ReferenceDesign& d = *r.design;
    const ReferenceEstimate& e = r.estimate;
    out.push_back({{"name", d.name},
                   {"family", d.family},
                   {"paradigm", d.paradigm},
                   {"source", d.source},
                   {"fits", r.fits},
                   {"why_not", r.why_not},
                   {"throughput_gops", e.throughput_gops},
                   {"throughput_fps", e.throughput_fps},
                   {"latency_ms", e.latency_ms},
                   {"dsp_efficiency", e.dsp_efficiency},
                   {"dsp", d.dsp},
                   {"bram18", d.bram18 ? nlohmann::json(*d.bram18) : nlohmann::json(nullptr)},
                   {"uram", d.uram},
                   {"lut", d.lut},
                   {"clock_mhz", d.clock_mhz},
                   {"precision_bits", d.precision_bits}});
  }
  return out;
}

}  // namespace dnne
