#include "report/pareto_report.h"

#include <sstream>

#include "design/design_json.h"
#include "model/evaluate.h"
#include "report/design_report_detail.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

std::vector<std::string> pareto_names(size_t count) {
  const size_t width = std::max<size_t>(2, std::to_string(count).size());
  std::vector<std::string> names;
  for (size_t i = 1; i <= count; ++i) {
    const std::string number = std::to_string(i);
    names.push_back("p" + std::string(width - number.size(), '0') + number);
  }
  return names;
}

namespace {

// The bench report of each front design: its metrics come from the cost models exactly as
// `bench --design` computes them, so the files reproduce what the front lists.
std::vector<nlohmann::json> reports(const ParetoReportInput& in) {
  std::vector<nlohmann::json> out;
  for (const ParetoEntry& entry : in.front) {
    const Estimate estimate = evaluate(in.problem.workload, entry.design, in.problem.budget.budget);
    out.push_back(
        design_report_json({.problem = in.problem, .design = entry.design, .estimate = estimate}));
  }
  return out;
}

// "throughput_fps (max), latency_ms (min), ..." from kParetoAxes.
std::string axes_text() {
  std::string text;
  for (const ParetoAxis& axis : kParetoAxes)
    text +=
        (text.empty() ? "" : ", ") + std::string(axis.key) + (axis.maximise ? " (max)" : " (min)");
  return text;
}

}  // namespace

nlohmann::json pareto_json(const ParetoReportInput& in) {
  const std::vector<std::string> names = pareto_names(in.front.size());
  const std::vector<nlohmann::json> full = reports(in);
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < full.size(); ++i)
    list.push_back(
        {{"name", names[i]}, {"metrics", full[i]["metrics"]}, {"design", full[i]["design"]}});
  return list;
}

std::string pareto_table(const ParetoReportInput& in) {
  using Align = TextTable::Align;
  TextTable table({{"design", Align::kLeft},
                   {"SP"},
                   {"GOP/s"},
                   {"frames/s"},
                   {"latency ms"},
                   {"DSP"},
                   {"BRAM18"},
                   {"URAM"},
                   {"LUT"},
                   {"DRAM GB/s"},
                   {"DSP eff."}});
  const std::vector<std::string> names = pareto_names(in.front.size());
  const std::vector<nlohmann::json> full = reports(in);
  for (size_t i = 0; i < full.size(); ++i) {
    const nlohmann::json& m = full[i]["metrics"];
    table.add_row(
        {names[i], std::to_string(in.front[i].design.split_point),
         fixed(m["throughput_gops"].get<double>(), 1), fixed(m["throughput_fps"].get<double>(), 2),
         fixed(m["latency_ms"].get<double>(), 3), with_commas(m["dsp_used"].get<int64_t>()),
         with_commas(m["bram18_used"].get<int64_t>()), with_commas(m["uram_used"].get<int64_t>()),
         with_commas(m["lut_used"].get<int64_t>()), fixed(m["dram_bw_gbps_used"].get<double>(), 2),
         fixed(m["dsp_efficiency"].get<double>(), 3)});
  }
  std::ostringstream out;
  out << "Pareto front: " << in.front.size() << (in.front.size() == 1 ? " design" : " designs")
      << ", none dominated by any design the search evaluated, over " << axes_text() << "\n"
      << table.render();
  return out.str();
}

std::string pareto_csv(const ParetoReportInput& in) {
  std::ostringstream out;
  out << "design,split_point,throughput_gops,throughput_fps,latency_ms,dsp_used,bram18_used,"
         "dram_bw_gbps_used,dsp_efficiency,uram_used,lut_used\n";
  const std::vector<std::string> names = pareto_names(in.front.size());
  const std::vector<nlohmann::json> full = reports(in);
  for (size_t i = 0; i < full.size(); ++i) {
    const nlohmann::json& m = full[i]["metrics"];
    out << names[i] << ',' << in.front[i].design.split_point << ',' << m["throughput_gops"].dump()
        << ',' << m["throughput_fps"].dump() << ',' << m["latency_ms"].dump() << ','
        << m["dsp_used"].dump() << ',' << m["bram18_used"].dump() << ','
        << m["dram_bw_gbps_used"].dump() << ',' << m["dsp_efficiency"].dump() << ','
        << m["uram_used"].dump() << ',' << m["lut_used"].dump() << '\n';
  }
  return out.str();
}

nlohmann::json pareto_index_json(const ParetoReportInput& in) {
  nlohmann::json axes = nlohmann::json::array();
  for (const ParetoAxis& axis : kParetoAxes)
    axes.push_back({{"metric", axis.key}, {"goal", axis.maximise ? "max" : "min"}});
  nlohmann::json designs = nlohmann::json::array();
  for (const nlohmann::json& entry : pareto_json(in))
    designs.push_back({{"name", entry["name"]},
                       {"file", entry["name"].get<std::string>() + ".json"},
                       {"metrics", entry["metrics"]}});
  return {{"model", in.problem.network.name()},
          {"device", in.problem.budget.device.name},
          {"budget", detail::budget_json(in.problem.budget.budget, in.problem.budget.overrides)},
          {"axes", axes},
          {"designs", designs}};
}

}  // namespace dnne
