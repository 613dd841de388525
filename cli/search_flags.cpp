#include "cli/search_flags.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <limits>

#include "model/workload.h"

namespace dnne::cli {

namespace {
// A search shorter than this shows no progress line (STYLE.md: progress on anything that
// runs longer than a second or two).
constexpr double kProgressAfterSeconds = 0.5;
bool g_progress_drawn = false;
// Caps that keep a run from going on for hours or spawning threads by the thousand: a
// resnet50 swarm step at the default swarm takes about 0.15 s on two threads.
constexpr int kMaxThreads = 1024;
constexpr int kMaxSwarm = 1000;
constexpr int kMaxIterations = 1000;
constexpr int64_t kMaxSwarmSteps = 10 * 24 * 40;
}  // namespace

void add_search_flags(CLI::App& app, SearchFlags& f) {
  add_model_options(app, f.model, /*with_precision=*/false);
  add_budget_options(app, f.budget);
  app.add_option("--objective", f.objective, "throughput (default), latency or dsp_efficiency");
  app.add_option("--min-fps", f.min_fps, "reject designs below this many frames per second");
  app.add_option("--max-latency-ms", f.max_latency_ms, "reject designs slower than this per frame");
  app.add_option("--search", f.search, "pso (default) or exhaustive (small spaces only)");
  app.add_option("--seed", f.seed, "random seed of the particle swarm (default 1)");
  app.add_option(
      "--threads", f.threads,
      "worker threads (default 0: all hardware threads); the answer does not depend on it");
  app.add_option("--swarm", f.swarm, "particles in the swarm (default 24)");
  app.add_option("--iterations", f.iterations, "maximum swarm iterations (default 40)");
  app.add_flag("--no-winograd", f.no_winograd,
               "generic engines in spatial mode only (default: also try Winograd F(2x2,3x3) "
               "and F(4x4,3x3) for 3x3 stride-1 convs)");
  app.add_flag("--json", f.json, "print JSON (keys as in CLI.md)");
  app.add_flag("--quiet", f.quiet, "no progress line on stderr");
}

Expected<Problem> load_problem(const SearchFlags& flags) {
  auto budget = resolve_budget(flags.budget);
  if (!budget) return budget.error();
  ModelOptions model = flags.model;
  model.precision_bits = flags.budget.precision_bits;
  auto network = load_network(model);
  if (!network) return network.error();
  Workload workload = make_workload(*network);
  return Problem{.network = std::move(*network),
                 .workload = std::move(workload),
                 .budget = std::move(*budget)};
}

Expected<SearchOptions> make_search_options(const SearchFlags& f, const std::string& label) {
  SearchOptions o;
  auto objective = parse_objective(f.objective);
  if (!objective) return objective.error();
  o.objective = *objective;
  auto method = parse_search_method(f.search);
  if (!method) return method.error();
  o.method = *method;
  if (f.threads < 0)
    return Error{"--threads " + std::to_string(f.threads) +
                 ": expected a number of threads, or 0 for all hardware threads"};
  if (f.threads > kMaxThreads)
    return Error{"--threads " + std::to_string(f.threads) + ": expected at most " +
                 std::to_string(kMaxThreads)};
  if (f.swarm < 1) return Error{"--swarm " + std::to_string(f.swarm) + ": expected at least 1"};
  if (f.iterations < 1)
    return Error{"--iterations " + std::to_string(f.iterations) + ": expected at least 1"};
  if (f.swarm > kMaxSwarm)
    return Error{"--swarm " + std::to_string(f.swarm) + ": expected at most " +
                 std::to_string(kMaxSwarm)};
  if (f.iterations > kMaxIterations)
    return Error{"--iterations " + std::to_string(f.iterations) + ": expected at most " +
                 std::to_string(kMaxIterations)};
  if (static_cast<int64_t>(f.swarm) * f.iterations > kMaxSwarmSteps)
    return Error{"--swarm " + std::to_string(f.swarm) + " x --iterations " +
                 std::to_string(f.iterations) + ": expected at most " +
                 std::to_string(kMaxSwarmSteps) + " particle steps (10x the default " +
                 std::to_string(PsoOptions{}.swarm_size) + " x " +
                 std::to_string(PsoOptions{}.iterations) + "), so a search ends in minutes"};
  o.constraints = {.min_fps = f.min_fps, .max_latency_ms = f.max_latency_ms};
  const char* seed_end = f.seed.data() + f.seed.size();
  auto [seed_ptr, seed_ec] = std::from_chars(f.seed.data(), seed_end, o.seed);
  if (f.seed.empty() || seed_ec != std::errc() || seed_ptr != seed_end)
    return Error{"--seed '" + f.seed + "': expected a whole number from 0 to " +
                 std::to_string(std::numeric_limits<uint64_t>::max())};
  o.threads = f.threads;
  o.pso.swarm_size = f.swarm;
  o.pso.iterations = f.iterations;
  if (f.no_winograd) o.winograd_modes = {0};
  const bool show = !f.quiet && !(f.json && !isatty(STDOUT_FILENO)) && isatty(STDERR_FILENO);
  if (show)
    o.progress = [label](const SearchProgress& p) {
      if (p.seconds < kProgressAfterSeconds) return;
      std::fprintf(stderr, "\r%s: step %d/%d, %lld designs, %.1f s%s", label.c_str(), p.step,
                   p.steps, static_cast<long long>(p.evaluated), p.seconds,
                   p.feasible ? "" : ", nothing feasible yet");
      std::fflush(stderr);
      g_progress_drawn = true;
    };
  return o;
}

void end_progress() {
  if (!g_progress_drawn) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  g_progress_drawn = false;
}

}  // namespace dnne::cli
