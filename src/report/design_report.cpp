// The JSON view of one evaluated design (docs/spec/CLI.md, `bench --json` / `explore --json`).
#include "report/design_report.h"

#include "design/design_json.h"
#include "report/design_report_detail.h"

namespace dnne {

std::string paradigm_of(const Design& design, const Workload& workload) {
  if (design.split_point <= 0) return "generic";
  if (design.split_point >= workload.stage_count()) return "pipeline";
  return "hybrid";
}

namespace detail {

double effective_clock_mhz(const DesignReportInput& in) {
  return in.design.clock_mhz > 0 ? in.design.clock_mhz : in.problem.budget.budget.clock_mhz;
}

std::string stage_name(const DesignReportInput& in, int stage) {
  if (stage < 0 || stage >= in.problem.workload.stage_count()) return "";
  return in.problem.network.layer(in.problem.workload.stage(stage).layer).name;
}

std::string violation_text(const DesignReportInput& in, const Violation& v) {
  std::string where;
  switch (v.scope) {
    case Scope::kPipeline:
    case Scope::kGeneric:
      where = std::string(scope_name(v.scope)) + " part: ";
      break;
    case Scope::kDevice:
      where = "device " + in.problem.budget.device.name + ": ";
      break;
    case Scope::kDesign:
      break;
  }
  // A stage's violation names its layer instead of describe()'s stage index.
  Violation shown = v;
  const std::string name = stage_name(in, v.stage);
  if (!name.empty()) {
    where =
        (where.empty() ? "layer " : where.substr(0, where.size() - 2) + ", layer ") + name + ": ";
    shown.stage = -1;
  }
  return where + describe(shown);
}

std::vector<std::string> overridden_fields(const BudgetOverrides& o) {
  std::vector<std::string> fields;
  if (o.dsp) fields.push_back("dsp");
  if (o.bram18) fields.push_back("bram18");
  if (o.uram) fields.push_back("uram");
  if (o.lut) fields.push_back("lut");
  if (o.dram_bw_gbps) fields.push_back("dram_bw_gbps");
  if (o.clock_mhz) fields.push_back("clock_mhz");
  if (o.precision_bits) fields.push_back("precision");
  return fields;
}

namespace {
const char* origin(bool overridden, bool from_design_file, const char* otherwise = "device") {
  if (!overridden) return otherwise;
  return from_design_file ? "design_file" : "flag";
}
}  // namespace

nlohmann::json budget_json(const Budget& b, const BudgetOverrides& o) {
  const auto& file = o.from_design_file;
  return {{"dsp", b.dsp},
          {"bram18", b.bram18},
          {"uram", b.uram},
          {"lut", b.lut},
          {"dram_bw_gbps", b.dram_bw_gbps},
          {"clock_mhz", b.clock_mhz},
          {"precision", b.precision_bits},
          {"overridden", overridden_fields(o)},
          {"headroom_pct", o.headroom_pct.value_or(0)},
          {"from",
           {{"dsp", origin(o.dsp.has_value(), file.dsp)},
            {"bram18", origin(o.bram18.has_value(), file.bram18)},
            {"uram", origin(o.uram.has_value(), file.uram)},
            {"lut", origin(o.lut.has_value(), file.lut)},
            {"dram_bw_gbps", origin(o.dram_bw_gbps.has_value(), file.dram_bw_gbps)},
            {"clock_mhz", origin(o.clock_mhz.has_value(), file.clock_mhz)},
            {"precision", origin(o.precision_bits.has_value(), file.precision_bits, "default")}}}};
}

std::string budget_origin_line(const Device& device, const BudgetOverrides& o) {
  const auto& file = o.from_design_file;
  std::string from_file, from_flags;
  auto add = [](std::string& list, const std::string& item) {
    list += (list.empty() ? "" : ", ") + item;
  };
  auto sort = [&](bool overridden, bool by_file, const char* name, const char* flag) {
    if (overridden) by_file ? add(from_file, name) : add(from_flags, flag);
  };
  sort(o.dsp.has_value(), file.dsp, "DSP", "--dsp");
  sort(o.bram18.has_value(), file.bram18, "BRAM18", "--bram18");
  sort(o.uram.has_value(), file.uram, "URAM", "--uram");
  sort(o.lut.has_value(), file.lut, "LUT", "--lut");
  sort(o.dram_bw_gbps.has_value(), file.dram_bw_gbps, "DRAM bandwidth", "--bw-gbps");
  sort(o.clock_mhz.has_value(), file.clock_mhz, "clock", "--clock-mhz");
  sort(o.precision_bits.has_value(), file.precision_bits, "precision", "--precision");
  std::string line = "budget from: " + device.name + " (device)";
  if (!from_file.empty() || !from_flags.empty()) line += ", except *";
  if (!from_file.empty()) line += " from the design file: " + from_file;
  if (!from_file.empty() && !from_flags.empty()) line += ";";
  if (!from_flags.empty()) line += " from flags: " + from_flags;
  return line + "\n";
}

}  // namespace detail

namespace {

nlohmann::json part_json(const PartSummary& p) {
  return {{"throughput_fps", p.throughput_fps},
          {"latency_ms", p.latency_ms},
          {"dsp", p.dsp},
          {"bram18", p.bram18},
          {"uram", p.uram},
          {"lut", p.lut},
          {"dram_bw_gbps", p.dram_bw_gbps}};
}

nlohmann::json violations_json(const DesignReportInput& in) {
  nlohmann::json list = nlohmann::json::array();
  const Estimate& e = in.estimate;
  const int shown = std::min<int>(e.violation_count, static_cast<int>(e.violations.size()));
  for (int i = 0; i < shown; ++i) {
    const Violation& v = e.violations[static_cast<size_t>(i)];
    list.push_back({{"resource", std::string(resource_name(v.resource))},
                    {"needed", v.needed},
                    {"available", v.available},
                    {"scope", std::string(scope_name(v.scope))},
                    {"message", detail::violation_text(in, v)}});
    // Only a stage's violation has a stage, only one a design or budget field causes a field.
    if (v.stage >= 0) list.back()["stage"] = detail::stage_name(in, v.stage);
    if (v.field) list.back()["field"] = v.field;
  }
  return list;
}

nlohmann::json layers_json(const DesignReportInput& in) {
  nlohmann::json list = nlohmann::json::array();
  const double clock_mhz = detail::effective_clock_mhz(in);
  for (const LayerEstimate& l : in.estimate.layers) {
    const auto& stage = in.problem.workload.stage(l.stage);
    list.push_back({{"name", detail::stage_name(in, l.stage)},
                    {"kind", std::string(kind_name(stage.kind))},
                    {"part", std::string(part_name(l.part))},
                    {"cycles", l.cycles},
                    // cycles / MHz = microseconds
                    {"time_us", clock_mhz > 0 ? static_cast<double>(l.cycles) / clock_mhz : 0.0},
                    {"bound", std::string(bound_name(l.bound))},
                    {"dsp", l.dsp},
                    {"bram18", l.bram18},
                    {"uram", l.uram},
                    {"lut", l.lut},
                    {"dram_bw_gbps", l.dram_bw_gbps}});
  }
  return list;
}

}  // namespace

nlohmann::json design_report_json(const DesignReportInput& in) {
  const Estimate& e = in.estimate;
  const Budget& b = in.problem.budget.budget;
  const Device& device = in.problem.budget.device;
  const Network& network = in.problem.network;
  const Workload& workload = in.problem.workload;
  return {{"model", network.name()},
          {"device", device.name},
          {"device_info",
           {{"part", device.part},
            {"board", device.board},
            {"dsp_family", std::string(dsp_family_name(device.dsp_family))}}},
          {"paradigm", paradigm_of(in.design, workload)},
          {"budget", detail::budget_json(b, in.problem.budget.overrides)},
          {"design", design_to_json(in.design, stage_names(workload, network))},
          {"metrics",
           {{"throughput_gops", e.throughput_gops},
            {"throughput_fps", e.throughput_fps},
            {"latency_ms", e.latency_ms},
            {"dsp_used", e.dsp_used},
            {"bram18_used", e.bram18_used},
            {"uram_used", e.uram_used},
            {"lut_used", e.lut_used},
            {"dram_bw_gbps_used", e.dram_bw_gbps_used},
            {"dsp_efficiency", e.dsp_efficiency},
            {"clock_mhz", detail::effective_clock_mhz(in)}}},
          {"parts", {{"pipeline", part_json(e.pipeline)}, {"generic", part_json(e.generic)}}},
          {"feasible", e.feasible},
          {"violation_count", e.violation_count},
          {"violations", violations_json(in)},
          {"layers", layers_json(in)}};
}

}  // namespace dnne
