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
}  // namespace

void add_search_flags(CLI::App& app, SearchFlags& f) {
  add_model_options(app, f.model, /*with_precision=*/false);
  add_budget_options(app, f.budget);
  app.add_option("--objective", f.objective, "throughput (default), latency or dsp_efficiency");
  app.add_option("--min-fps", f.min_fps, "reject designs below this many frames per second");
  app.add_option("--max-latency-ms", f.max_latency_ms, "reject designs slower than this per frame")
      // 0 is the library's "no bound": given on the command line it was silently ignored.
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            double v = 0;
            try {
              v = std::stod(value);
            } catch (const std::exception&) {
              return "";  // CLI11's conversion names a non-number
            }
            // NaN and negatives are the library's to name (run_request.cpp).
            return v == 0 ? "0 is no bound: expected a positive number of milliseconds (omit "
                            "the flag for no bound)"
                          : "";
          },
          ""));
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
  app.add_flag("--json", f.json, "print JSON (keys as in docs/spec/CLI.md)");
  app.add_flag("--quiet", f.quiet, "no progress line on stderr");
}

Expected<Problem> load_problem(const SearchFlags& flags) {
  return dnne::load_problem(flags.model, flags.budget);
}

Expected<SearchOptions> make_search_options(const SearchFlags& f, const std::string& label) {
  auto options = dnne::make_search_options(static_cast<const SearchRequest&>(f));
  if (!options) return options.error();
  SearchOptions o = std::move(*options);
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
