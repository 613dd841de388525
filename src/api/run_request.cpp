// Turning a run's request into the library's inputs (run_request.h). Moved here from the CLI
// so that the public API and the Python module read models and budgets exactly as the CLI does.
#include "api/run_request.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "importers/model_loader.h"

namespace dnne {

namespace {
constexpr int64_t kMaxInputDim = int64_t{1} << 20;
}  // namespace

Expected<Shape> parse_input_shape(const std::string& text) {
  const Error bad{"--input '" + text +
                  "': expected CxHxW with positive integers, e.g. 3x224x224"};
  Shape shape;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("xX", start);
    if (end == std::string::npos) end = text.size();
    int64_t value = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + end;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last || value < 1) return bad;
    // Far beyond any image; keeps the shape arithmetic (padding, strides) inside int64.
    if (value > kMaxInputDim)
      return Error{"--input '" + text + "': expected each dimension at most " +
                   std::to_string(kMaxInputDim)};
    shape.push_back(value);
    start = end + 1;
  }
  if (shape.size() != 3) return bad;
  return shape;
}

Expected<Network> load_network(const ModelRequest& options) {
  if (options.precision_bits != 16 && options.precision_bits != 8)
    return Error{"--precision " + std::to_string(options.precision_bits) + ": expected 16 or 8"};
  if (options.batch < 1)
    return Error{"--batch " + std::to_string(options.batch) + ": expected a positive integer"};
  LoadOptions load{.allow_unknown = options.allow_unknown, .batch = options.batch};
  if (!options.input.empty()) {
    auto shape = parse_input_shape(options.input);
    if (!shape) return shape.error();
    load.input = *shape;
  }
  return load_model(options.model, load);
}

namespace {

// "90%" -> {90, true}; "1024" -> {1024, false}; nullopt when it is neither.
struct Amount {
  double value = 0;
  bool percent = false;
};
std::optional<Amount> parse_amount(std::string text, bool allow_percent) {
  Amount amount;
  if (allow_percent && !text.empty() && text.back() == '%') {
    amount.percent = true;
    text.pop_back();
  }
  const char* first = text.data();
  const char* last = first + text.size();
  auto [ptr, ec] = std::from_chars(first, last, amount.value);
  if (text.empty() || ec != std::errc() || ptr != last || !std::isfinite(amount.value))
    return std::nullopt;
  return amount;
}

// A count flag (--dsp, --bram18): a whole number, or a percentage of the device's figure
// (rounded down: 90% of 5,520 DSPs is 4,968).
Expected<std::optional<int64_t>> count_override(const std::string& flag, const std::string& text,
                                                int64_t device_figure, const char* what) {
  if (text.empty()) return std::optional<int64_t>();
  const auto amount = parse_amount(text, true);
  const Error bad{flag + " '" + text + "': expected a number of " + what +
                  " or a percentage of the device's " + std::to_string(device_figure) +
                  ", e.g. 90%"};
  if (!amount) return bad;
  if (amount->percent) {
    if (!(amount->value > 0 && amount->value <= 100))
      return Error{flag + " '" + text + "': a percentage must be in (0, 100]"};
    return std::optional<int64_t>(static_cast<int64_t>(
        std::floor(amount->value / 100.0 * static_cast<double>(device_figure))));
  }
  if (amount->value != std::floor(amount->value)) return bad;
  // Past 2^62 the conversion to int64 is undefined; make_budget reports the real limit, so
  // any figure beyond it will do.
  return std::optional<int64_t>(static_cast<int64_t>(std::clamp(amount->value, -0x1p62, 0x1p62)));
}

Expected<std::optional<double>> real_override(const std::string& flag, const std::string& text,
                                              double device_figure, bool allow_percent,
                                              const char* expected) {
  if (text.empty()) return std::optional<double>();
  const auto amount = parse_amount(text, allow_percent);
  if (!amount) return Error{flag + " '" + text + "': expected " + expected};
  if (amount->percent) {
    if (!(amount->value > 0 && amount->value <= 100))
      return Error{flag + " '" + text + "': a percentage must be in (0, 100]"};
    return std::optional<double>(amount->value / 100.0 * device_figure);
  }
  return std::optional<double>(amount->value);
}

}  // namespace

Expected<ResolvedBudget> resolve_budget(const BudgetRequest& options) {
  auto device = find_device(options.device);
  if (!device) return device.error();
  BudgetOverrides overrides;
  auto dsp = count_override("--dsp", options.dsp, device->dsp, "DSP slices");
  if (!dsp) return dsp.error();
  overrides.dsp = *dsp;
  auto bram18 = count_override("--bram18", options.bram18, device->bram18, "BRAM18 blocks");
  if (!bram18) return bram18.error();
  overrides.bram18 = *bram18;
  auto uram = count_override("--uram", options.uram, device->uram, "URAM288 blocks");
  if (!uram) return uram.error();
  overrides.uram = *uram;
  auto lut = count_override("--lut", options.lut, device->lut, "LUTs");
  if (!lut) return lut.error();
  overrides.lut = *lut;
  auto bw = real_override("--bw-gbps", options.bw_gbps, device->dram_bw_gbps, true,
                          "a bandwidth in GB/s or a percentage of the device's, e.g. 50%");
  if (!bw) return bw.error();
  overrides.dram_bw_gbps = *bw;
  auto clock = real_override("--clock-mhz", options.clock_mhz, device->clock_mhz, false,
                             "a clock in MHz, e.g. 200");
  if (!clock) return clock.error();
  overrides.clock_mhz = *clock;
  if (!options.headroom.empty()) {
    const auto amount = parse_amount(options.headroom, true);
    if (!amount)
      return Error{"--headroom '" + options.headroom +
                   "': expected a percentage of DSP and BRAM18 to keep free, e.g. 10%"};
    overrides.headroom_pct = amount->value;
  }
  // 16 bits is every device's default; anything else is the user's choice.
  if (options.precision_bits != 16) overrides.precision_bits = options.precision_bits;
  auto budget = make_budget(*device, overrides);
  if (!budget) return budget.error();
  budget->dsp_double_rate = options.dsp_double_rate;
  return ResolvedBudget{.device = *device, .budget = *budget, .overrides = overrides};
}

namespace {
// Caps that keep a run from going on for hours or spawning threads by the thousand: a
// resnet50 swarm step at the default swarm takes about 0.15 s on two threads.
constexpr int kMaxThreads = 1024;
constexpr int kMaxSwarm = 1000;
constexpr int kMaxIterations = 1000;
constexpr int64_t kMaxSwarmSteps = 10 * 24 * 40;
}  // namespace

Expected<Problem> load_problem(const ModelRequest& model_request, const BudgetRequest& budget_request) {
  auto budget = resolve_budget(budget_request);
  if (!budget) return budget.error();
  ModelRequest model = model_request;
  model.precision_bits = budget_request.precision_bits;
  auto network = load_network(model);
  if (!network) return network.error();
  Workload workload = make_workload(*network);
  return Problem{.network = std::move(*network),
                 .workload = std::move(workload),
                 .budget = std::move(*budget)};
}

Expected<Problem> make_problem(Network network, Workload workload, const BudgetRequest& request) {
  auto budget = resolve_budget(request);
  if (!budget) return budget.error();
  return Problem{.network = std::move(network),
                 .workload = std::move(workload),
                 .budget = std::move(*budget)};
}

Expected<SearchOptions> make_search_options(const SearchRequest& f) {
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
  return o;
}

}  // namespace dnne
