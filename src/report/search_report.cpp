#include "report/search_report.h"

#include <sstream>

#include "report/design_report_detail.h"
#include "report/table.h"
#include "util/number_format.h"

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
          {"threads", s.threads},
          {"phases",
           {{"stage_table", s.phases.stage_table},
            {"global", s.phases.global},
            {"polish", s.phases.polish},
            {"final", s.phases.final}}}};
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
  const int n = workload.stage_count();
  std::ostringstream line;
  line << "design:";
  if (d.split_point > 0) {
    // "batch" is DNNBuilder's word; what it builds is that many copies of the pipeline.
    line << " pipeline of " << d.split_point << (d.split_point == 1 ? " stage" : " stages") << " x "
         << d.pipeline.batch << (d.pipeline.batch == 1 ? " replica" : " replicas") << " (batch "
         << d.pipeline.batch;
    if (d.split_point < n)
      line << "; split: " << with_commas(d.split.pipeline_dsp) << " DSP, "
           << with_commas(d.split.pipeline_bram18) << " BRAM18, "
           << fixed(d.split.pipeline_dram_bw_gbps, 2) << " GB/s";
    line << ")";
  }
  if (d.split_point > 0 && d.split_point < n) line << ";";
  if (d.split_point < n) {
    const GenericDesign& g = d.generic;
    line << " generic engine " << g.p_in << " x " << g.p_out;
    if (g.winograd_m > 0) line << ", Winograd F(" << g.winograd_m << "x" << g.winograd_m << ",3x3)";
    line << ", buffers " << with_commas(g.input_buffer_bram18) << "/"
         << with_commas(g.weight_buffer_bram18) << "/" << with_commas(g.output_buffer_bram18)
         << " BRAM18 (in/weights/out), batch " << g.batch << " (frames per pass)";
  }
  return line.str();
}

nlohmann::json explore_report_json(const ExploreReportInput& in) {
  nlohmann::json out;
  if (in.result.feasible) {
    out = design_report_json(
        {.problem = in.problem, .design = in.result.design, .estimate = in.result.estimate});
    out["feasible"] = true;
  } else {
    out = {{"model", in.problem.network.name()},
           {"device", in.problem.budget.device.name},
           {"paradigm", in.paradigm},
           {"feasible", false},
           {"reason", in.result.tightest.reason},
           {"budget", detail::budget_json(in.problem.budget.budget, in.problem.budget.overrides)}};
  }
  out["objective"] = std::string(objective_name(in.objective));
  out["winograd"] = in.winograd;
  out["search"] = search_stats_json(in.result.stats);
  return out;
}

}  // namespace dnne
