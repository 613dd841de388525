#include "search/explore.h"

#include <algorithm>
#include <chrono>

#include "model/evaluate.h"
#include "search/parallel.h"
#include "search/point_evaluator.h"
#include "search/pso.h"

namespace dnne {

Expected<SearchResult> explore(const Workload& workload, const Budget& budget,
                               const SearchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (auto ok = validate(options); !ok) return ok.error();
  if (workload.stages.empty()) return Error{"network '" + workload.name + "' has no layers to map"};
  const int threads = options.threads > 0 ? options.threads : default_thread_count();
  const int n = workload.stage_count();
  const bool needs_table =
      options.paradigm != Paradigm::kGeneric && options.allocator == PipelineAllocatorKind::kMinMax;
  const auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  SearchStats::Phases phases;
  auto phase_start = std::chrono::steady_clock::now();
  const StageClasses classes = stage_classes(workload);
  StageTable table;
  if (needs_table)
    table = build_stage_table(workload, classes, budget, options.pipeline_batches, threads);
  if (!needs_table) table.batches = options.pipeline_batches;

  const bool exhaustive = options.method == SearchMethod::kExhaustive;
  SearchContext context{
      .workload = workload,
      .budget = budget,
      .table = &table,
      .classes = &classes,
      .objective = options.objective,
      .constraints = options.constraints,
      .allocator = options.allocator,
      .split_steps = exhaustive ? options.exhaustive_split_steps : options.split_steps,
      .generic_batches = options.generic_batches,
      .winograd_modes = options.winograd_modes,
      .reference = options.reference};
  phases.stage_table = since(phase_start);
  phase_start = std::chrono::steady_clock::now();
  PointEvaluator evaluator(context, threads);
  if (options.keep_design_space) evaluator.record_design_space(options.design_space_sample);
  if (options.cancelled) evaluator.set_cancel(options.cancelled);
  SearchStats stats{.method = "local", .threads = threads};
  // The endpoints SP = 0 and SP = N, locally optimised, are always candidates, so a hybrid
  // result is never below the generic-only or pipeline-only design on the same budget.
  const std::vector<GlobalPoint> endpoints = {{.split_point = 0}, {.split_point = n}};
  try {
    switch (options.paradigm) {
      case Paradigm::kGeneric:
        evaluator.evaluate({endpoints[0]});
        break;
      case Paradigm::kPipeline:
        evaluator.evaluate({endpoints[1]});
        break;
      case Paradigm::kHybrid:
        stats.method = std::string(search_method_name(options.method));
        if (exhaustive) {
          stats.iterations = run_exhaustive(evaluator, context, options, endpoints);
        } else {
          const PsoRun run = run_pso(evaluator, context, options, endpoints);
          phases.global = since(phase_start);
          phase_start = std::chrono::steady_clock::now();
          const int first_step = std::max(1, context.split_steps / 8);
          stats.iterations = run.iterations;
          stats.polish_rounds =
              polish(evaluator, run.swarm_best, first_step, options.pso.polish_rounds);
          // Also from the best point of the next most promising split points: the landscape
          // has one basin per split point, and the swarm settles in one.
          int started = 0;
          for (const PointOutcome& start : evaluator.best_per_split_point()) {
            if (started == options.pso.polish_starts) break;
            if (start.point.split_point == 0 || start.point.split_point == n) continue;
            ++started;
            stats.polish_rounds += polish(evaluator, start, first_step, options.pso.polish_rounds);
          }
          phases.polish = since(phase_start);
          phase_start = std::chrono::steady_clock::now();
        }
        break;
    }
  } catch (const SearchCancelled&) {
    return Error{"search cancelled"};
  }
  if (phases.polish == 0) {  // no swarm: everything so far was the global (or local) search
    phases.global = since(phase_start);
    phase_start = std::chrono::steady_clock::now();
  }
  SearchResult result;
  result.feasible = evaluator.any_feasible();
  result.tightest = evaluator.tightest();
  const DesignBudget made_for{.dsp = budget.dsp,
                              .bram18 = budget.bram18,
                              .dram_bw_gbps = budget.dram_bw_gbps,
                              .uram = budget.uram,
                              .lut = budget.lut};
  if (result.feasible) {
    result.design = evaluator.best().design;
    result.design.made_for = made_for;
    result.estimate = evaluate(workload, result.design, budget);
  }
  result.design_space = evaluator.take_design_space();
  for (ParetoEntry& entry : result.design_space.front) entry.design.made_for = made_for;
  stats.evaluated = evaluator.designs_evaluated();
  stats.stage_costs = table.model_calls;
  stats.points = evaluator.points_evaluated();
  stats.infeasible_points = evaluator.infeasible_points();
  stats.infeasible_by_reason = evaluator.infeasible_by_reason();
  phases.final = since(phase_start);
  stats.phases = phases;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.designs_per_second =
      stats.seconds > 0 ? static_cast<double>(stats.evaluated) / stats.seconds : 0;
  result.stats = std::move(stats);
  return result;
}

}  // namespace dnne
