// DNNExplorer's public C++ API: load a network, pick a device and budget, analyze it, evaluate
// a design, explore the best design of a paradigm, compare the paradigms, validate the
// reference model against measured accelerators. Every call returns a
// Result: a value, or an Error carrying the same one-line message the CLI prints (errors are
// values: the library never prints or exits). Every result is a Report, which renders the
// views the CLI prints (table, JSON, CSV, HTML).
//
//   auto net = dnnexplorer::load("resnet50");
//   auto report = dnnexplorer::explore(*net, {.device = "zcu102", .precision = 8});
//   if (report) std::cout << report->table();
//
// This header depends on the standard library only; link with dnnexplorer::dnnexplorer
// (`find_package(dnnexplorer)` after `cmake --install`).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dnnexplorer {

std::string version();

struct Error {
  std::string message;  // one line, as the CLI prints it after "dnnexplorer: error: "
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const T& operator*() const { return value(); }
  T& operator*() { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

namespace detail {
struct NetworkData;
struct ReportData;
}  // namespace detail

struct LoadOptions {
  std::string input;           // "CxHxW" to override the model's input size, "" for its own
  bool allow_unknown = false;  // import operators we cannot cost as zero-cost layers
  int64_t batch = 1;           // the value of a symbolic batch dimension in a model file
};

// A network read from the zoo or a model file, with its layer graph and workload.
class Network {
 public:
  const std::string& name() const;
  int layer_count() const;        // layers of the graph, input included
  int stage_layer_count() const;  // layers a design places (conv, fc, pool, ...)
  std::vector<std::string> stage_layer_names() const;
  const detail::NetworkData& data() const { return *data_; }
  explicit Network(std::shared_ptr<const detail::NetworkData> data) : data_(std::move(data)) {}

 private:
  std::shared_ptr<const detail::NetworkData> data_;
};

// `model`: a zoo name (case-insensitive: "VGG16") or a .onnx / .prototxt file.
Result<Network> load(const std::string& model, const LoadOptions& options = {});

// The device and budget of a run. Empty figures are the device's own; a count ("2000") or a
// share of the device's ("90%"); more than the device has is an error.
struct Budget {
  std::string device;  // a catalog name, a part ("xcku115") or a device JSON file
  std::string dsp, bram18, bw_gbps, clock_mhz;
  // Bits per weight and activation: 16 or 8; 0 (not given) is 16, and for bench the design
  // file's or the reference accelerator's own, as when the CLI's --precision is not given.
  int precision = 0;
  // URAM288 blocks and LUTs, counts or percentages like the others (the CLI's --uram, --lut).
  std::string uram, lut;
  // The share of DSP and BRAM18 kept free for every paradigm, "10" or "10%" (--headroom).
  std::string headroom;
  bool dsp_double_rate = false;  // --dsp-double-rate
};

struct SearchProgress {
  int step = 0, steps = 0;
  int64_t evaluated = 0;
  double seconds = 0;
};

struct SearchSettings {
  std::string paradigm = "hybrid";         // hybrid, pipeline or generic (explore only)
  std::string objective = "throughput";    // throughput, latency or dsp_efficiency
  double min_fps = 0, max_latency_ms = 0;  // 0: no constraint
  std::string method = "pso";              // pso or exhaustive
  uint64_t seed = 1;
  int threads = 0;  // 0: all hardware threads; the answer does not depend on it
  int swarm = 24, iterations = 40;
  bool winograd = true;  // false: generic engines in spatial mode only (--no-winograd)
  bool pareto = false;   // explore: keep the Pareto front of the designs evaluated
  // compare: reference accelerators to show beside the designs (the CLI's --with); empty: the
  // published builds that fit the budget and the largest DPU that fits.
  std::vector<std::string> references;
  // Called on the calling thread between search steps; returning true stops the search, which
  // then returns Error{"search cancelled"} (all its threads joined).
  std::function<bool()> cancelled;
  std::function<void(const SearchProgress&)> progress;
};

// One result type for every command; each view renders the same figures.
class Report {
 public:
  // "analyze", "bench", "explore", "compare", "validate", "devices", "models"
  const std::string& kind() const;
  std::string json(int indent = 2) const;  // the CLI's --json
  std::string table() const;               // the CLI's terminal view
  // The CLI's --csv: per layer (explore: per Pareto design with `pareto`; compare: per row).
  std::string csv() const;
  std::string html() const;                // report.html (explore and compare; "" otherwise)
  bool feasible() const;  // a design was found / the design fits (true for non-design reports)
  // The chosen design as the design file the CLI writes and `bench` reads ("" when none);
  // for compare, `name` picks the row: "hybrid" (default), "pipeline", "dnnbuilder", "generic".
  std::string design_json(const std::string& name = "hybrid") const;
  explicit Report(std::shared_ptr<const detail::ReportData> data) : data_(std::move(data)) {}

 private:
  std::shared_ptr<const detail::ReportData> data_;
};

Result<Report> analyze(const Network& network, int precision = 16);
// `design`: a design file's path, its JSON text (starting with '{'), or the name of a reference
// accelerator (a published design; the CLI's `dnnexplorer accelerators` lists them).
Result<Report> bench(const Network& network, const Budget& budget, const std::string& design);
Result<Report> explore(const Network& network, const Budget& budget,
                       const SearchSettings& settings = {});
Result<Report> compare(const Network& network, const Budget& budget,
                       const SearchSettings& settings = {});
// The reference model against the measured accelerators in `data_dir` (measured.csv and
// cases.csv; "": ./data/validation when it exists, else the source tree's): predicted vs
// measured, the error of each row, median and worst (the CLI's validate).
Result<Report> validate(const std::string& data_dir = "");
Report devices();
Report models();

}  // namespace dnnexplorer
