// How fast the hybrid search is: `explore vgg16 --device ku115` (the default PSO, all
// hardware threads), repeated, reporting wall time and designs evaluated per second. The
// target (issue "Design space exploration") is under 1 s on a 2-core machine.
// Usage: explore_speed [model] [device] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "device/catalog.h"
#include "model/workload.h"
#include "search/explore.h"
#include "search/parallel.h"
#include "zoo/zoo.h"

int main(int argc, char** argv) {
  using namespace dnne;
  const std::string model = argc > 1 ? argv[1] : "vgg16";
  const std::string device_name = argc > 2 ? argv[2] : "ku115";
  const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  auto network = build_zoo_network(model);
  auto device = find_device(device_name);
  if (!network || !device) {
    std::fprintf(stderr, "explore_speed: unknown model or device\n");
    return 2;
  }
  const Workload workload = make_workload(*network);
  const Budget budget = default_budget(*device);
  const int threads = default_thread_count();
  std::printf("explore %s --device %s: %zu stage layers, %d threads\n", model.c_str(),
              device_name.c_str(), workload.stages.size(), threads);
  double best_wall = 1e9;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const auto result = explore(workload, budget, {.threads = threads});
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best_wall = std::min(best_wall, wall);
    const SearchStats& s = result->stats;
    std::printf(
        "run %d: %.3f s wall, %lld designs (%lld points, %lld stage costs), %.0f designs/s, "
        "%.1f GOP/s at split %d\n",
        r + 1, wall, static_cast<long long>(s.evaluated), static_cast<long long>(s.points),
        static_cast<long long>(s.stage_costs), s.designs_per_second,
        result->estimate.throughput_gops, result->design.split_point);
  }
  std::printf("best wall time %.3f s (target < 1 s)\n", best_wall);
  return 0;
}
