#include "report/compare_report.h"

#include <optional>
#include <sstream>
#include <vector>

#include "report/design_report_detail.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

namespace {

// The four rows, in the order the table lists them, with their JSON keys.
struct Row {
  const char* key;
  const char* label;
  const SearchResult* result;
};
std::vector<Row> rows(const CompareResult& r) {
  return {{"dnnbuilder", "pipeline (DNNBuilder heuristic)", &r.dnnbuilder},
          {"pipeline", "pipeline (min-max allocator)", &r.pipeline},
          {"generic", "generic", &r.generic},
          {"hybrid", "hybrid", &r.hybrid}};
}

double throughput(const SearchResult& r) {
  return r.estimate.throughput_fps;
}
double latency(const SearchResult& r) {
  return r.estimate.latency_ms;
}
double efficiency(const SearchResult& r) {
  return r.estimate.dsp_efficiency;
}

// value(a) / value(b); nullopt when either is infeasible or b's value is not positive.
std::optional<double> ratio(const SearchResult& a, const SearchResult& b,
                            double value(const SearchResult&)) {
  if (!a.feasible || !b.feasible) return std::nullopt;
  const double denominator = value(b);
  if (denominator <= 0) return std::nullopt;
  return value(a) / denominator;
}

nlohmann::json ratio_json(const SearchResult& a, const SearchResult& b,
                          double value(const SearchResult&)) {
  const auto r = ratio(a, b, value);
  return r ? nlohmann::json(*r) : nlohmann::json(nullptr);
}

nlohmann::json ratios_json(const CompareResult& r, double value(const SearchResult&),
                           bool with_pipeline_over_dnnbuilder = true) {
  nlohmann::json out = {{"hybrid_over_pipeline", ratio_json(r.hybrid, r.pipeline, value)},
                        {"hybrid_over_generic", ratio_json(r.hybrid, r.generic, value)},
                        {"hybrid_over_dnnbuilder", ratio_json(r.hybrid, r.dnnbuilder, value)}};
  if (with_pipeline_over_dnnbuilder)
    out["pipeline_over_dnnbuilder"] = ratio_json(r.pipeline, r.dnnbuilder, value);
  return out;
}

std::string times(const std::optional<double>& r) {
  return r ? fixed(*r, 2) + "x" : "-";
}

// What the rows were chosen for, so a reader knows what the other column trades away.
std::string objective_line(const CompareReportInput& in) {
  std::string line = "objective: " + std::string(objective_name(in.objective));
  switch (in.objective) {
    case Objective::kThroughput:
      line +=
          " (each row is its paradigm's design with the most frames/s, whatever its "
          "latency; --objective latency for the least ms per frame)";
      break;
    case Objective::kLatency:
      line +=
          " (each row is its paradigm's design with the least ms per frame; --objective "
          "throughput, the default, for the most frames/s)";
      break;
    case Objective::kDspEfficiency:
      line += " (each row is its paradigm's design with the highest DSP efficiency)";
      break;
  }
  line += in.winograd ? "\nWinograd: generic engines may use it (--no-winograd for spatial only, "
                        "the configuration comparable with the papers' baselines)"
                      : "\nWinograd: off (--no-winograd), generic engines spatial only";
  return line + "\n";
}

}  // namespace

nlohmann::json compare_report_json(const CompareReportInput& in) {
  const CompareResult& r = in.result;
  nlohmann::json out = {
      {"model", in.problem.network.name()},
      {"device", in.problem.budget.device.name},
      {"budget", detail::budget_json(in.problem.budget.budget, in.problem.budget.overrides)},
      {"objective", std::string(objective_name(in.objective))},
      {"winograd", in.winograd}};
  nlohmann::json results = nlohmann::json::object();
  for (const Row& row : rows(r))
    results[row.key] = explore_report_json(
        {.problem = in.problem,
         .result = *row.result,
         .paradigm = row.key == std::string("dnnbuilder") ? "pipeline" : row.key,
         .objective = in.objective,
         .winograd = in.winograd});
  out["results"] = results;
  out["speedups"] = ratios_json(r, throughput);
  out["latency_ratios"] = ratios_json(r, latency);
  out["dsp_efficiency_ratios"] = ratios_json(r, efficiency, false);
  return out;
}

std::string compare_report_table(const CompareReportInput& in) {
  const CompareResult& r = in.result;
  const BudgetOverrides& o = in.problem.budget.overrides;
  auto mark = [](bool overridden) { return overridden ? "*" : ""; };
  std::ostringstream out;
  out << in.problem.network.name() << " on " << in.problem.budget.device.name << ": "
      << with_commas(in.problem.budget.budget.dsp) << mark(o.dsp.has_value()) << " DSP, "
      << with_commas(in.problem.budget.budget.bram18) << mark(o.bram18.has_value()) << " BRAM18, "
      << with_commas(in.problem.budget.budget.uram) << mark(o.uram.has_value()) << " URAM, "
      << with_commas(in.problem.budget.budget.lut) << mark(o.lut.has_value()) << " LUT, "
      << fixed(in.problem.budget.budget.dram_bw_gbps, 1) << mark(o.dram_bw_gbps.has_value())
      << " GB/s, " << fixed(in.problem.budget.budget.clock_mhz, 0) << mark(o.clock_mhz.has_value())
      << " MHz, " << in.problem.budget.budget.precision_bits << mark(o.precision_bits.has_value())
      << "-bit\n"
      << detail::budget_origin_line(in.problem.budget.device, o) << objective_line(in) << "\n";
  TextTable table({{"design", TextTable::Align::kLeft},
                   {"split"},
                   {"GOP/s"},
                   {"frames/s"},
                   {"speed-up"},
                   {"latency ms"},
                   {"latency ratio"},
                   {"DSP"},
                   {"BRAM18"},
                   {"URAM"},
                   {"LUT"},
                   {"GB/s"},
                   {"DSP eff."}});
  for (const Row& row : rows(r)) {
    const SearchResult& s = *row.result;
    if (!s.feasible) {
      table.add_row({row.label, "-", "infeasible", "", "", "", "", "", "", "", "", "", ""});
      continue;
    }
    const Estimate& e = s.estimate;
    table.add_row({row.label,
                   std::to_string(s.design.split_point) + "/" +
                       std::to_string(in.problem.workload.stages.size()),
                   fixed(e.throughput_gops, 1), fixed(e.throughput_fps, 1),
                   times(ratio(r.hybrid, s, throughput)), fixed(e.latency_ms, 3),
                   times(ratio(r.hybrid, s, latency)), with_commas(e.dsp_used),
                   with_commas(e.bram18_used), with_commas(e.uram_used), with_commas(e.lut_used),
                   fixed(e.dram_bw_gbps_used, 2), fixed(100 * e.dsp_efficiency, 1) + "%"});
  }
  out << table.render()
      << "speed-up: the hybrid's frames/s over the row's; latency ratio: the hybrid's latency per "
         "frame over the row's (above 1.00x the hybrid takes longer per frame)\n";
  if (const auto heuristic = ratio(r.pipeline, r.dnnbuilder, throughput))
    out << "\nour pipeline allocator: " << fixed(*heuristic, 2)
        << "x the DNNBuilder heuristic's throughput on the same budget\n";
  for (const Row& row : rows(r))
    if (!row.result->feasible)
      out << row.label << ": infeasible: " << row.result->tightest.reason << "\n";
  out << "hybrid " << search_stats_line(r.hybrid.stats) << "\n";
  return out.str();
}

std::string compare_report_csv(const CompareReportInput& in) {
  const CompareResult& r = in.result;
  std::ostringstream out;
  out << "design,split_point,throughput_gops,throughput_fps,latency_ms,dsp_used,bram18_used,"
         "dram_bw_gbps_used,dsp_efficiency,hybrid_speedup,hybrid_latency_ratio,feasible,reason,"
         "uram_used,lut_used\n";
  auto number = [](const std::optional<double>& v) { return v ? nlohmann::json(*v).dump() : ""; };
  for (const Row& row : rows(r)) {
    const SearchResult& s = *row.result;
    out << row.key << ',';
    if (s.feasible) {
      const Estimate& e = s.estimate;
      out << s.design.split_point << ',' << nlohmann::json(e.throughput_gops).dump() << ','
          << nlohmann::json(e.throughput_fps).dump() << ',' << nlohmann::json(e.latency_ms).dump()
          << ',' << e.dsp_used << ',' << e.bram18_used << ','
          << nlohmann::json(e.dram_bw_gbps_used).dump() << ','
          << nlohmann::json(e.dsp_efficiency).dump() << ','
          << number(ratio(r.hybrid, s, throughput)) << ',' << number(ratio(r.hybrid, s, latency))
          << ",true,," << e.uram_used << ',' << e.lut_used << '\n';
    } else {
      std::string reason = s.tightest.reason;
      for (char& c : reason)
        if (c == '"') c = '\'';
      out << ",,,,,,,,,,false,\"" << reason << "\",,\n";
    }
  }
  return out.str();
}

}  // namespace dnne
