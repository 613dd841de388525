#include "report/search_report.h"

#include <sstream>

#include "report/design_report_detail.h"
#include "report/table.h"

namespace dnne {

nlohmann::json search_stats_json(const SearchStats& s) {
  nlohmann::json by_reason = nlohmann::json::object();
  for (const auto& [reason, count] : s.infeasible_by_reason) by_reason[reason] = count;
  return {{"method", s.method},
          {"evaluated", s.evaluated},
          {"seconds", s.seconds},
          {"designs_per_second", s.designs_per_second},
          {"stage_costs", s.stage_costs},
          {"points", s.points},
          {"infeasible", {{"count", s.infeasible_points}, {"by_reason", by_reason}}},
          {"iterations", s.iterations},
          {"polish_rounds", s.polish_rounds},
          {"threads", s.threads}};
}

std::string search_stats_line(const SearchStats& s) {
  std::ostringstream line;
  line << "search: " << s.method;
  if (s.method == "pso") line << ", " << s.iterations << " iterations";
  line << ", " << with_commas(s.points) << (s.points == 1 ? " point" : " points");
  if (s.infeasible_points > 0) {
    line << " (" << with_commas(s.infeasible_points) << " infeasible:";
    bool first = true;
    for (const auto& [reason, count] : s.infeasible_by_reason) {
      line << (first ? " " : ", ") << with_commas(count) << " " << reason;
      first = false;
    }
    line << ")";
  }
  line << ", " << with_commas(s.evaluated) << " designs in " << fixed(s.seconds, 3) << " s ("
       << with_commas(static_cast<int64_t>(s.designs_per_second)) << " designs/s) on " << s.threads
       << (s.threads == 1 ? " thread" : " threads");
  return line.str();
}

std::string design_summary_line(const Design& d, const Workload& workload) {
  const int n = static_cast<int>(workload.stages.size());
  std::ostringstream line;
  line << "design:";
  if (d.split_point > 0) {
    line << " pipeline of " << d.split_point << (d.split_point == 1 ? " stage" : " stages")
         << ", batch " << d.pipeline.batch;
    if (d.split_point < n)
      line << " (split: " << with_commas(d.split.pipeline_dsp) << " DSP, "
           << with_commas(d.split.pipeline_bram18) << " BRAM18, "
           << fixed(d.split.pipeline_dram_bw_gbps, 2) << " GB/s)";
  }
  if (d.split_point > 0 && d.split_point < n) line << ";";
  if (d.split_point < n) {
    const GenericDesign& g = d.generic;
    line << " generic engine " << g.p_in << " x " << g.p_out;
    if (g.winograd_m > 0) line << ", Winograd F(" << g.winograd_m << "x" << g.winograd_m << ",3x3)";
    line << ", buffers " << with_commas(g.input_buffer_bram18) << "/"
         << with_commas(g.weight_buffer_bram18) << "/" << with_commas(g.output_buffer_bram18)
         << " BRAM18 (in/weights/out), batch " << g.batch;
  }
  return line.str();
}

namespace {

nlohmann::json ratio(const SearchResult& a, const SearchResult& b,
                     double value(const SearchResult&)) {
  if (!a.feasible || !b.feasible) return nullptr;
  const double denominator = value(b);
  if (denominator <= 0) return nullptr;
  return value(a) / denominator;
}

double throughput(const SearchResult& r) {
  return r.estimate.throughput_fps;
}
double efficiency(const SearchResult& r) {
  return r.estimate.dsp_efficiency;
}

}  // namespace

nlohmann::json explore_report_json(const ExploreReportInput& in) {
  nlohmann::json out;
  if (in.result.feasible) {
    out = design_report_json({.network = in.network,
                              .workload = in.workload,
                              .device = in.device,
                              .budget = in.budget,
                              .overrides = in.overrides,
                              .design = in.result.design,
                              .estimate = in.result.estimate});
    out["feasible"] = true;
  } else {
    out = {{"model", in.network.name()},
           {"device", in.device.name},
           {"paradigm", in.paradigm},
           {"feasible", false},
           {"reason", in.result.tightest.reason},
           {"budget", detail::budget_json(in.budget, in.overrides)}};
  }
  out["search"] = search_stats_json(in.result.stats);
  return out;
}

nlohmann::json compare_report_json(const CompareReportInput& in) {
  const CompareResult& r = in.result;
  auto entry = [&](const SearchResult& result, const char* paradigm) {
    return explore_report_json({.network = in.network,
                                .workload = in.workload,
                                .device = in.device,
                                .budget = in.budget,
                                .overrides = in.overrides,
                                .result = result,
                                .paradigm = paradigm});
  };
  nlohmann::json out = {{"model", in.network.name()},
                        {"device", in.device.name},
                        {"budget", detail::budget_json(in.budget, in.overrides)}};
  out["results"] = {{"pipeline", entry(r.pipeline, "pipeline")},
                    {"generic", entry(r.generic, "generic")},
                    {"hybrid", entry(r.hybrid, "hybrid")},
                    {"dnnbuilder", entry(r.dnnbuilder, "pipeline")}};
  out["speedups"] = {{"hybrid_over_pipeline", ratio(r.hybrid, r.pipeline, throughput)},
                     {"hybrid_over_generic", ratio(r.hybrid, r.generic, throughput)},
                     {"hybrid_over_dnnbuilder", ratio(r.hybrid, r.dnnbuilder, throughput)},
                     {"pipeline_over_dnnbuilder", ratio(r.pipeline, r.dnnbuilder, throughput)}};
  out["dsp_efficiency_ratios"] = {
      {"hybrid_over_pipeline", ratio(r.hybrid, r.pipeline, efficiency)},
      {"hybrid_over_generic", ratio(r.hybrid, r.generic, efficiency)},
      {"hybrid_over_dnnbuilder", ratio(r.hybrid, r.dnnbuilder, efficiency)}};
  return out;
}

std::string compare_report_table(const CompareReportInput& in) {
  const CompareResult& r = in.result;
  std::ostringstream out;
  const BudgetOverrides& o = in.overrides;
  auto mark = [](bool overridden) { return overridden ? "*" : ""; };
  out << in.network.name() << " on " << in.device.name << ": " << with_commas(in.budget.dsp)
      << mark(o.dsp.has_value()) << " DSP, " << with_commas(in.budget.bram18)
      << mark(o.bram18.has_value()) << " BRAM18, " << fixed(in.budget.dram_bw_gbps, 1)
      << mark(o.dram_bw_gbps.has_value()) << " GB/s, " << fixed(in.budget.clock_mhz, 0)
      << mark(o.clock_mhz.has_value()) << " MHz, " << in.budget.precision_bits
      << mark(o.precision_bits.has_value()) << "-bit\n"
      << detail::budget_origin_line(in.device, o) << "\n";
  TextTable table({{"design", TextTable::Align::kLeft},
                   {"split"},
                   {"GOP/s"},
                   {"fps"},
                   {"latency ms"},
                   {"DSP"},
                   {"BRAM18"},
                   {"GB/s"},
                   {"DSP eff."},
                   {"hybrid speed-up"}});
  auto row = [&](const char* name, const SearchResult& s) {
    if (!s.feasible) {
      table.add_row({name, "-", "infeasible", "", "", "", "", "", "", ""});
      return;
    }
    const Estimate& e = s.estimate;
    const double speedup = r.hybrid.feasible && e.throughput_fps > 0
                               ? r.hybrid.estimate.throughput_fps / e.throughput_fps
                               : 0;
    table.add_row(
        {name,
         std::to_string(s.design.split_point) + "/" + std::to_string(in.workload.stages.size()),
         fixed(e.throughput_gops, 1), fixed(e.throughput_fps, 1), fixed(e.latency_ms, 3),
         with_commas(e.dsp_used), with_commas(e.bram18_used), fixed(e.dram_bw_gbps_used, 2),
         fixed(100 * e.dsp_efficiency, 1) + "%", speedup > 0 ? fixed(speedup, 2) + "x" : "-"});
  };
  row("pipeline (DNNBuilder heuristic)", r.dnnbuilder);
  row("pipeline (min-max allocator)", r.pipeline);
  row("generic", r.generic);
  row("hybrid", r.hybrid);
  out << table.render();
  if (r.pipeline.feasible && r.dnnbuilder.feasible && r.dnnbuilder.estimate.throughput_fps > 0)
    out << "\nour pipeline allocator: "
        << fixed(r.pipeline.estimate.throughput_fps / r.dnnbuilder.estimate.throughput_fps, 2)
        << "x the DNNBuilder heuristic's throughput on the same budget\n";
  const std::pair<const char*, const SearchResult*> named[] = {
      {"pipeline (DNNBuilder heuristic)", &r.dnnbuilder},
      {"pipeline (min-max allocator)", &r.pipeline},
      {"generic", &r.generic},
      {"hybrid", &r.hybrid}};
  for (const auto& [name, s] : named)
    if (!s->feasible) out << name << ": infeasible: " << s->tightest.reason << "\n";
  out << "hybrid " << search_stats_line(r.hybrid.stats) << "\n";
  return out.str();
}

}  // namespace dnne
