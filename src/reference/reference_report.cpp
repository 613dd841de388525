#include "reference/reference_report.h"

#include <sstream>

#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

namespace {

std::string percent(double used, double available) {
  return available > 0 ? fixed(100.0 * used / available, 1) + " %" : "-";
}

std::string resource_line(const char* name, int64_t used, int64_t available) {
  return std::string(name) + " " + with_commas(used) + " of " + with_commas(available) + " (" +
         percent(static_cast<double>(used), static_cast<double>(available)) + ")";
}

}  // namespace

std::string reference_report_table(const ReferenceReportInput& in) {
  const Device& device = in.problem.budget.device;
  const BudgetOverrides& overrides = in.problem.budget.overrides;
  const ReferenceDesign& d = in.design;
  const ReferenceEstimate& e = in.estimate;
  std::ostringstream out;
  out << "reference design " << d.name << ": " << d.description << "\n";
  out << "source: " << d.source << "\n";
  if (!d.published_on.empty()) out << "published on: " << d.published_on << "\n";
  out << "network " << in.problem.network.name() << " on " << device.name << " (" << device.part
      << ")\n";
  out << "clock " << fixed(in.run.clock_mhz, 1) << " MHz ("
      << (overrides.clock_mhz ? "--clock-mhz" : "template") << "), precision " << d.precision_bits
      << " bits (" << (in.precision_from_flag ? "--precision" : "template") << "), DRAM "
      << fixed(in.run.dram_bw_gbps, 2) << " GB/s ("
      << (overrides.dram_bw_gbps ? "--bw-gbps" : "device") << ") x "
      << fixed(kBurstDramEfficiency, 3) << " burst efficiency shared by " << d.cores
      << (d.cores == 1 ? " core" : " cores") << "\n";
  if (in.fit.feasible)
    out << "fits the device: yes\n";
  else
    out << "INFEASIBLE on " << device.name << ": " << describe(in.fit) << "\n";
  for (const std::string& note : in.fit.unchecked) out << "not checked: " << note << "\n";
  out << "resources: " << resource_line("DSP", d.dsp, device.dsp);
  if (d.bram18) out << ", " << resource_line("BRAM18", *d.bram18, device.bram18);
  if (d.uram > 0) out << ", " << resource_line("URAM", d.uram, device.uram);
  if (device.lut > 0) out << ", " << resource_line("LUT", d.lut, device.lut);
  out << "\n\n";
  out << "throughput " << fixed(e.throughput_fps, 2) << " frames/s, " << fixed(e.throughput_gops, 1)
      << " GOP/s; latency " << fixed(e.latency_ms, 3)
      << " ms per frame on one core; MAC utilisation " << fixed(100 * e.mac_utilisation, 1)
      << " %; DSP efficiency " << fixed(100 * e.dsp_efficiency, 1) << " %; DRAM "
      << fixed(e.dram_gbps_used, 2) << " GB/s\n\n";
  TextTable table({{"layer", TextTable::Align::kLeft},
                   {"kind", TextTable::Align::kLeft},
                   {"unit", TextTable::Align::kLeft},
                   {"compute cycles"},
                   {"DRAM cycles"},
                   {"cycles"},
                   {"bound", TextTable::Align::kLeft}});
  for (const ReferenceLayer& l : e.layers) {
    const StageLayer& s = in.problem.workload.stage(l.stage);
    table.add_row({in.problem.network.layer(s.layer).name, std::string(kind_name(s.kind)),
                   std::string(ref_unit_name(l.unit)), with_commas(l.compute_cycles),
                   with_commas(l.dram_cycles), with_commas(l.cycles),
                   std::string(bound_name(l.bound))});
  }
  out << table.render();
  out << "per frame on one core: " << with_commas(e.frame_cycles) << " cycles\n";
  return out.str();
}

nlohmann::json reference_report_json(const ReferenceReportInput& in) {
  const ReferenceDesign& d = in.design;
  const ReferenceEstimate& e = in.estimate;
  nlohmann::json layers = nlohmann::json::array();
  for (const ReferenceLayer& l : e.layers) {
    const StageLayer& s = in.problem.workload.stage(l.stage);
    layers.push_back({{"name", in.problem.network.layer(s.layer).name},
                      {"kind", kind_name(s.kind)},
                      {"unit", ref_unit_name(l.unit)},
                      {"compute_cycles", l.compute_cycles},
                      {"dram_cycles", l.dram_cycles},
                      {"cycles", l.cycles},
                      {"bound", bound_name(l.bound)},
                      {"dram_bytes", l.dram_bytes}});
  }
  nlohmann::json over = nlohmann::json::array();
  for (const ReferenceShortfall& s : in.fit.over)
    over.push_back({{"resource", s.resource}, {"needed", s.needed}, {"available", s.available}});
  nlohmann::json j = {{"design", d.name},
                      {"family", d.family},
                      {"paradigm", d.paradigm},
                      {"source", d.source},
                      {"published_on", d.published_on},
                      {"network", in.problem.network.name()},
                      {"device", in.problem.budget.device.name},
                      {"clock_mhz", in.run.clock_mhz},
                      {"precision_bits", d.precision_bits},
                      {"dram_bw_gbps", in.run.dram_bw_gbps},
                      {"dram_efficiency", kBurstDramEfficiency},
                      {"engine",
                       {{"pp", d.pp},
                        {"icp", d.icp},
                        {"ocp", d.ocp},
                        {"kernel_parallel", {d.kph, d.kpw}},
                        {"ii", d.ii},
                        {"cores", d.cores},
                        {"depthwise_pp", d.depthwise_pp},
                        {"fc_batch", d.fc_batch},
                        {"double_rate_dsp", d.double_rate_dsp}}},
                      {"feasible", in.fit.feasible},
                      {"violations", over},
                      {"unchecked", in.fit.unchecked},
                      {"resources",
                       {{"dsp", d.dsp},
                        {"bram18", d.bram18 ? nlohmann::json(*d.bram18) : nlohmann::json(nullptr)},
                        {"uram", d.uram},
                        {"lut", d.lut}}},
                      {"throughput_fps", e.throughput_fps},
                      {"throughput_gops", e.throughput_gops},
                      {"latency_ms", e.latency_ms},
                      {"frame_cycles", e.frame_cycles},
                      {"mac_utilisation", e.mac_utilisation},
                      {"dsp_efficiency", e.dsp_efficiency},
                      {"dram_gbps_used", e.dram_gbps_used},
                      {"layers", layers}};
  return j;
}

}  // namespace dnne
