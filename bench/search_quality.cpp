// The search's speed and quality on every zoo network x catalog device at 16 and 8 bits
// (issue "every explore under a second"): one line per pair with the wall time, the designs
// evaluated and the best GOP/s, compared with
//   - the figures recorded in bench/baseline_best.csv (the search before the speed work, on
//     the cost models of the commit named in the file's header). Cost-model changes move
//     those figures for reasons that are not the search's: regenerate the file with --record
//     when rebasing over a model change (and say so in the commit);
//   - live, on the same models: `--search exhaustive` on the pairs whose exhaustive grid is
//     small enough (--exhaustive-limit points), and, with --reference, the search in its
//     reference configuration (SearchOptions::reference: no shortcut of the speed work,
//     the same swarm), so a quality loss shows even after the recorded figures moved.
// A pair is flagged when the search's best is more than 0.1 % below a comparison.
// Never run by ctest: it prints.
// Usage: search_quality [--record FILE [--label "main abc1234"]] [--baseline FILE] [--bits
// 16|8|both]
//                       [--networks a,b] [--devices x,y] [--reference] [--exhaustive-limit N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "device/catalog.h"
#include "list_arg.h"
#include "model/workload.h"
#include "search/explore.h"
#include "search/parallel.h"
#include "zoo/zoo.h"

namespace {
using namespace dnne;

using dnne::bench::split_list;

bool listed(const std::vector<std::string>& list, const std::string& name) {
  return list.empty() || std::find(list.begin(), list.end(), name) != list.end();
}

struct Run {
  bool feasible = false;
  double gops = 0;
  double seconds = 0;
  double cpu_seconds = 0;  // the process's CPU time over all threads: less sensitive to load
  int64_t designs = 0;
};

Run run(const Workload& w, const Budget& b, const SearchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  const SearchResult r = explore(w, b, options).value();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {.feasible = r.feasible,
          .gops = r.feasible ? r.estimate.throughput_gops : 0,
          .seconds = seconds,
          .cpu_seconds = cpu,
          .designs = r.stats.evaluated};
}

using Key = std::string;  // network,device,bits
Key key_of(const std::string& network, const std::string& device, int bits) {
  return network + "," + device + "," + std::to_string(bits);
}

std::map<Key, double> read_baseline(const std::string& path) {
  std::map<Key, double> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("network,", 0) == 0) continue;
    const std::vector<std::string> f = split_list(line);
    if (f.size() < 5) continue;
    out[key_of(f[0], f[1], std::stoi(f[2]))] = std::stod(f[4]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string label = "an unnamed commit";
  std::string record, baseline = std::string(DNNE_SOURCE_DIR) + "/bench/baseline_best.csv";
  std::vector<int> bit_widths = {16, 8};
  std::vector<std::string> networks, devices;
  bool reference = false;
  int64_t exhaustive_limit = 20000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* next = i + 1 < argc ? argv[i + 1] : "";
    if (a == "--record")
      record = next, ++i;
    else if (a == "--baseline")
      baseline = next, ++i;
    else if (a == "--label")
      label = next, ++i;
    else if (a == "--bits") {
      bit_widths = std::strcmp(next, "both") == 0 ? std::vector<int>{16, 8}
                                                  : std::vector<int>{std::atoi(next)};
      ++i;
    } else if (a == "--networks")
      networks = split_list(next), ++i;
    else if (a == "--devices")
      devices = split_list(next), ++i;
    else if (a == "--reference")
      reference = true;
    else if (a == "--exhaustive-limit")
      exhaustive_limit = std::atoll(next), ++i;
    else {
      std::fprintf(stderr, "search_quality: unknown argument '%s'\n", a.c_str());
      return 2;
    }
  }
  const std::map<Key, double> recorded =
      record.empty() ? read_baseline(baseline) : std::map<Key, double>{};
  std::FILE* out = nullptr;
  if (!record.empty()) {
    out = std::fopen(record.c_str(), "w");
    if (!out) {
      std::fprintf(stderr, "search_quality: cannot write %s\n", record.c_str());
      return 2;
    }
    std::fprintf(
        out,
        "# Best design found by `explore` (default options, seed 1) on every zoo network x\n"
        "# catalog device at 16 and 8 bits: the quality guard of bench/search_quality.\n"
        "# Recorded by `search_quality --record` (the search in its reference\n"
        "# configuration, SearchOptions::reference: none of the speed work's shortcuts)\n"
        "# at: %s.\n"
        "# A cost-model change moves these figures for reasons that are not the search's:\n"
        "# regenerate the file when rebasing over one, and say so in the commit.\n"
        "network,device,bits,feasible,best_gops,designs,seconds\n",
        label.c_str());
  }
  const int threads = default_thread_count();
  int pairs = 0, below_recorded = 0, below_exhaustive = 0, below_reference = 0;
  double total_seconds = 0, worst_seconds = 0, worst_cpu = 0;
  std::string worst_pair;
  std::printf("%-14s %-9s %4s %8s %8s %10s %10s %10s %10s %10s\n", "network", "device", "bits",
              "seconds", "cpu s", "designs", "GOP/s", "recorded", "exhaust.", "reference");
  for (const ZooEntry& entry : zoo_entries()) {
    const std::string name = entry.name == "vgglike_N" ? "vgglike_38" : entry.name;
    if (!listed(networks, name)) continue;
    const Workload w = make_workload(build_zoo_network(name).value());
    for (const Device& device : device_catalog()) {
      if (!listed(devices, device.name)) continue;
      for (int bits : bit_widths) {
        const Budget budget = default_budget(device, bits);
        SearchOptions options{.threads = threads};
        if (!record.empty()) options.reference = true;
        const Run r = run(w, budget, options);
        ++pairs;
        total_seconds += r.seconds;
        worst_cpu = std::max(worst_cpu, r.cpu_seconds);
        if (r.seconds > worst_seconds)
          worst_seconds = r.seconds, worst_pair = name + " " + device.name;
        const Key key = key_of(name, device.name, bits);
        if (out)
          std::fprintf(out, "%s,%d,%.6g,%lld,%.3f\n", key.c_str(), r.feasible ? 1 : 0, r.gops,
                       static_cast<long long>(r.designs), r.seconds);
        const auto flag = [&](double other) { return other > 0 && r.gops < other * 0.999; };
        std::string marks;
        char recorded_text[32] = "-", exhaustive_text[32] = "-", reference_text[32] = "-";
        if (const auto it = recorded.find(key); it != recorded.end()) {
          std::snprintf(recorded_text, sizeof recorded_text, "%.1f", it->second);
          if (flag(it->second)) ++below_recorded, marks += " <-- below recorded";
        }
        const int64_t grid = (static_cast<int64_t>(w.stages.size()) - 1) * 7 * 7 * 7 * 4 + 2;
        if (grid <= exhaustive_limit && record.empty()) {
          const Run e = run(w, budget, {.method = SearchMethod::kExhaustive, .threads = threads});
          std::snprintf(exhaustive_text, sizeof exhaustive_text, "%.1f", e.gops);
          if (flag(e.gops)) ++below_exhaustive, marks += " <-- below exhaustive";
        }
        if (reference && record.empty()) {
          const Run ref = run(w, budget, {.threads = threads, .reference = true});
          std::snprintf(reference_text, sizeof reference_text, "%.1f", ref.gops);
          if (flag(ref.gops)) ++below_reference, marks += " <-- below reference";
        }
        std::printf("%-14s %-9s %4d %8.3f %8.3f %10lld %10.1f %10s %10s %10s%s\n", name.c_str(),
                    device.name.c_str(), bits, r.seconds, r.cpu_seconds,
                    static_cast<long long>(r.designs), r.gops, recorded_text, exhaustive_text,
                    reference_text, marks.c_str());
        std::fflush(stdout);
      }
    }
  }
  if (out) std::fclose(out);
  std::printf(
      "%d pairs, %.1f s in all, slowest %.3f s (%s), most CPU %.3f s; below recorded %d, below "
      "exhaustive %d, "
      "below reference %d (on %d threads; wall times are indicative)\n",
      pairs, total_seconds, worst_seconds, worst_pair.c_str(), worst_cpu, below_recorded,
      below_exhaustive, below_reference, threads);
  return below_recorded + below_exhaustive + below_reference == 0 ? 0 : 1;
}
