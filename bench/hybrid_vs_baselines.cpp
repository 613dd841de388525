// The hybrid against both single-paradigm designs on every zoo network and catalog device
// (issue "Design space exploration": the hybrid is never below either baseline on the same
// budget). Prints one line per pair with the speed-ups and any pair where it falls short.
// Usage: hybrid_vs_baselines [--precision 8]
#include <cstdio>
#include <cstring>
#include <string>

#include "device/catalog.h"
#include "model/workload.h"
#include "search/compare.h"
#include "search/parallel.h"
#include "zoo/zoo.h"

int main(int argc, char** argv) {
  using namespace dnne;
  const int bits = argc > 2 && std::strcmp(argv[1], "--precision") == 0 ? std::atoi(argv[2]) : 16;
  int pairs = 0, short_of_pipeline = 0, short_of_generic = 0, allocator_worse = 0;
  int no_pipeline = 0, no_baseline = 0;
  for (const ZooEntry& entry : zoo_entries()) {
    const std::string name = entry.name == "vgglike_N" ? "vgglike_38" : entry.name;
    const Workload w = make_workload(build_zoo_network(name).value());
    for (const Device& device : device_catalog()) {
      const Budget budget = default_budget(device, bits);
      const CompareResult r = compare(w, budget, {.threads = default_thread_count()}).value();
      ++pairs;
      auto fps = [](const SearchResult& s) { return s.feasible ? s.estimate.throughput_fps : 0.0; };
      const double h = fps(r.hybrid), p = fps(r.pipeline), g = fps(r.generic),
                   d = fps(r.dnnbuilder);
      short_of_pipeline += h < p;
      short_of_generic += h < g;
      allocator_worse += p < d;
      // A ratio over a design that does not exist prints as "-" (AccDNN's template cannot
      // build deep networks as one pipeline: docs/models.md 3.8).
      auto ratio = [](double a, double b) {
        char text[32] = "-";
        if (a > 0 && b > 0) std::snprintf(text, sizeof text, "x%.2f", a / b);
        return std::string(text);
      };
      no_pipeline += p <= 0;
      no_baseline += d <= 0;
      std::printf("%-14s %-8s hybrid %9.1f fps (SP %3d/%3zu)  %s pipeline  %s generic  "
                  "%s DNNBuilder  min-max/DNNBuilder %s%s\n",
                  name.c_str(), device.name.c_str(), h, r.hybrid.design.split_point,
                  w.stages.size(), ratio(h, p).c_str(), ratio(h, g).c_str(), ratio(h, d).c_str(),
                  ratio(p, d).c_str(), (h < p || h < g || p < d) ? "  <-- SHORT" : "");
    }
  }
  std::printf(
      "%d pairs at %d bits: hybrid below pipeline %d, below generic %d; min-max allocator "
      "below the DNNBuilder heuristic %d; no pipeline-only design %d, no DNNBuilder design %d\n",
      pairs, bits, short_of_pipeline, short_of_generic, allocator_worse, no_pipeline,
      no_baseline);
  return short_of_pipeline + short_of_generic + allocator_worse == 0 ? 0 : 1;
}
