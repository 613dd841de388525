// Wall time of `dnnexplorer explore MODEL --device D` with default options, as a user runs it
// (issue "every explore under a second"): the CLI binary is started as a child process
// `--repeats` times per pair and the median wall time printed beside the designs evaluated and
// the best design's GOP/s (both read from the run's --json). Models: every zoo network by
// default, plus any ONNX or prototxt files given; devices: the whole catalog by default.
// The targets are a median under 1 s for every pair and under 0.2 s for vgg16 on ku115, on a
// 2-core machine; the summary line says how many pairs miss them. It prints figures and never
// gates anything on time (docs/search.md section 9 records the runs).
// Usage: explore_wall [--repeats N] [--devices a,b] [--networks a,b] [--no-zoo] [FILE ...]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "device/catalog.h"
#include "list_arg.h"
#include "zoo/zoo.h"

extern char** environ;

namespace {

using dnne::bench::split_list;

struct Timed {
  int status = -1;
  double seconds = 0;
  std::string output;
};

// Runs `argv` with its standard output sent to `out_path`, timing it from spawn to exit.
Timed run_child(const std::vector<std::string>& argv, const std::string& out_path) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  Timed t;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    t.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  std::ifstream in(out_path);
  t.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return t;
}

// A model file is shown by its base name, a zoo network by its name.
std::string display_name(const std::string& model) {
  const size_t slash = model.find_last_of('/');
  return slash == std::string::npos ? model : model.substr(slash + 1);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 3;
  std::vector<std::string> devices, networks, files;
  bool zoo = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--repeats" && has_value) {
      repeats = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--devices" && has_value) {
      devices = split_list(argv[++i]);
    } else if (arg == "--networks" && has_value) {
      networks = split_list(argv[++i]);
    } else if (arg == "--no-zoo") {
      zoo = false;
    } else if (!arg.empty() && arg[0] != '-') {
      files.push_back(arg);
    } else {
      std::fprintf(stderr,
                   "usage: explore_wall [--repeats N] [--devices a,b] [--networks a,b] "
                   "[--no-zoo] [FILE ...]\n");
      return 2;
    }
  }
  if (devices.empty())
    for (const dnne::Device& d : dnne::device_catalog()) devices.push_back(d.name);
  std::vector<std::string> models;
  if (zoo) models = networks.empty() ? dnne::zoo_names() : networks;
  models.insert(models.end(), files.begin(), files.end());

  const std::string out_path = "/tmp/explore_wall." + std::to_string(getpid()) + ".json";
  std::printf("# explore MODEL --device D --json (default options), %d runs per pair, %ld "
              "online CPUs\n",
              repeats, sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("%-26s %-10s %9s %9s %10s %10s\n", "network", "device", "median_s", "max_s",
              "evaluated", "best_gops");
  int pairs = 0, over_1s = 0, failed = 0;
  double worst = 0;
  std::string worst_pair;
  for (const std::string& model : models) {
    for (const std::string& device : devices) {
      std::vector<double> times;
      long long evaluated = 0;
      double gops = 0;
      bool ok = true;
      for (int r = 0; r < repeats; ++r) {
        const Timed t = run_child(
            {DNNE_CLI_PATH, "explore", model, "--device", device, "--json"}, out_path);
        times.push_back(t.seconds);
        // Exit 1 (no feasible design) is an answer too; only other statuses are failures.
        if (t.status != 0 && t.status != 1) {
          ok = false;
          break;
        }
        const auto j = nlohmann::json::parse(t.output, nullptr, false);
        if (j.is_discarded()) continue;
        if (j.contains("search")) evaluated = j["search"].value("evaluated", 0LL);
        if (j.contains("metrics")) gops = j["metrics"].value("throughput_gops", 0.0);
      }
      ++pairs;
      if (!ok) {
        ++failed;
        std::printf("%-26s %-10s   failed (see `dnnexplorer explore %s --device %s`)\n",
                    display_name(model).c_str(), device.c_str(), model.c_str(), device.c_str());
        continue;
      }
      const double med = median(times);
      if (med >= 1.0) ++over_1s;
      if (med > worst) {
        worst = med;
        worst_pair = model + " / " + device;
      }
      std::printf("%-26s %-10s %9.3f %9.3f %10lld %10.1f\n", display_name(model).c_str(),
                  device.c_str(), med, *std::max_element(times.begin(), times.end()), evaluated, gops);
      std::fflush(stdout);
    }
  }
  std::remove(out_path.c_str());
  std::printf("# %d pairs: %d with a median of 1 s or more, %d failed; slowest %.3f s (%s)\n",
              pairs, over_1s, failed, worst, worst_pair.c_str());
  return 0;
}
