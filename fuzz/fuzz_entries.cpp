#include "fuzz/fuzz_entries.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "api/run_request.h"
#include "cli/common.h"
#include "cli/search_flags.h"
#include "design/design_json.h"
#include "device/catalog.h"
#include "device/device_file.h"
#include "importers/caffe_importer.h"
#include "importers/onnx_importer.h"
#include "model/evaluate.h"
#include "model/workload.h"
#include "report/analyze_report.h"
#include "report/design_report.h"
#include "util/json_fields.h"
#include "zoo/zoo.h"

namespace dnne::fuzz {

namespace {

std::string text_of(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Every number in a report is finite and >= 0 except ratios (nlohmann writes NaN as null).
void check_report(const nlohmann::json& j) {
  if (j.is_object() || j.is_array()) {
    for (const auto& [key, value] : j.items())
      if (key.find("ratio") == std::string::npos && key != "speedups") check_report(value);
  } else if (j.is_number_float()) {
    if (!std::isfinite(j.get<double>()) || j.get<double>() < 0) std::abort();
  } else if (j.is_number_integer() && !j.is_number_unsigned()) {
    if (j.get<int64_t>() < 0) std::abort();
  }
}

// What `analyze` prints, in all three forms: every name must survive JSON and every count
// must be a real count.
void check_network(const Network& network) {
  for (int bits : {16, 8}) {
    const nlohmann::json j = analyze_json(network, bits);
    check_report(j);
    (void)j.dump();
    (void)analyze_table(network, bits);
    (void)analyze_csv(network, bits);
  }
  (void)make_workload(network);
}

struct Reference {
  Network network;
  Workload workload;
  Device device;
  Budget budget;
};

const Reference& reference() {
  static const Reference r = [] {
    Network network = *build_zoo_network("alexnet", std::nullopt);
    Workload workload = make_workload(network);
    Device device = *find_device("zc706");
    Budget budget = *make_budget(device, {});
    return Reference{std::move(network), std::move(workload), std::move(device), budget};
  }();
  return r;
}

}  // namespace

void onnx_model(const uint8_t* data, size_t size) {
  auto network =
      import_onnx_bytes(text_of(data, size), "fuzz.onnx", {.allow_unknown = size % 2 == 1});
  if (network) check_network(*network);
}

void caffe_prototxt(const uint8_t* data, size_t size) {
  auto network =
      import_caffe_text(text_of(data, size), "fuzz.prototxt", {.allow_unknown = size % 2 == 1});
  if (network) check_network(*network);
}

void design_json(const uint8_t* data, size_t size) {
  const Reference& r = reference();
  auto json = parse_json_text(text_of(data, size), "fuzz.json");
  if (!json) return;
  auto design = design_from_json(*json, stage_names(r.workload, r.network), "fuzz.json");
  if (!design) return;
  Budget budget = r.budget;
  if (design->clock_mhz > 0) budget.clock_mhz = design->clock_mhz;
  budget.precision_bits = design->precision_bits;
  const Estimate estimate = evaluate(r.workload, *design, budget);
  // The reports take the run's problem whole: AlexNet on the design's budget (a small copy).
  const Problem problem{.network = r.network,
                        .workload = r.workload,
                        .budget = {.device = r.device, .budget = budget, .overrides = {}}};
  const DesignReportInput in{.problem = problem, .design = *design, .estimate = estimate};
  check_report(design_report_json(in));
  (void)design_report_table(in);
  (void)design_layers_csv(in);
  (void)design_to_json(*design, stage_names(r.workload, r.network)).dump();
}

void device_json(const uint8_t* data, size_t size) {
  auto json = parse_json_text(text_of(data, size), "fuzz.json");
  if (!json) return;
  auto device = device_from_json(*json, "fuzz.json");
  if (!device) return;
  auto budget = make_budget(*device, {});
  if (!budget) return;
  const Reference& r = reference();
  // The reference design of a search's first step: the whole network on the generic engine.
  Design design;
  design.split_point = 0;
  design.clock_mhz = budget->clock_mhz;
  check_report(nlohmann::json{{"fps", evaluate(r.workload, design, *budget).throughput_fps}});
}

void cli_args(const uint8_t* data, size_t size) {
  // One argument per line, after "explore alexnet --device zc706".
  std::vector<std::string> args = {"dnnexplorer"};
  std::string arg;
  for (size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\n') {
      args.push_back(arg);
      arg.clear();
    } else {
      arg += c;
    }
  }
  if (!arg.empty()) args.push_back(arg);
  if (args.size() > 64) return;
  CLI::App app;
  cli::SearchFlags flags;
  flags.model.model = "alexnet";
  flags.budget.device = "zc706";
  cli::add_search_flags(app, flags);
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  } catch (const CLI::Error&) {
    return;  // CLI11 refused it: main prints one line and exits 2
  }
  if (flags.model.model != "alexnet" && flags.model.model != "vgg16")
    return;  // files: other targets
  flags.quiet = true;
  auto problem = cli::load_problem(flags);
  if (!problem) return;
  (void)cli::make_search_options(flags, "fuzz");
}

void input_shape(const uint8_t* data, size_t size) {
  auto shape = parse_input_shape(text_of(data, size));
  if (!shape) return;
  for (int64_t d : *shape)
    if (d < 1) std::abort();
  auto network = build_zoo_network("alexnet", *shape);
  if (network) check_network(*network);
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {{"onnx", onnx_model},    {"caffe", caffe_prototxt},
                                          {"design", design_json}, {"device", device_json},
                                          {"cli", cli_args},       {"input_shape", input_shape}};
  return all;
}

}  // namespace dnne::fuzz
