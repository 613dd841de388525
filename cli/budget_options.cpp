#include "cli/budget_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "cli/common.h"

namespace dnne::cli {

void add_budget_options(CLI::App& app, BudgetOptions& options) {
  app.add_option("--device", options.device,
                 "a catalog device ('dnnexplorer devices' lists them) or a JSON device file")
      ->required();
  app.add_option("--dsp", options.dsp, "DSP slices to use: a count, or a percentage like 90%")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--bram18", options.bram18, "BRAM18 blocks to use: a count, or a percentage")
      ->check(non_empty("a count or a percentage"));
  app.add_option("--bw-gbps", options.bw_gbps,
                 "external memory bandwidth in GB/s, or a percentage of the device's")
      ->check(non_empty("GB/s or a percentage"));
  app.add_option("--clock-mhz", options.clock_mhz, "accelerator clock in MHz")
      ->check(non_empty("MHz"));
  app.add_option("--precision", options.precision_bits, "bits per weight and activation: 16 or 8");
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

Expected<ResolvedBudget> resolve_budget(const BudgetOptions& options) {
  auto device = find_device(options.device);
  if (!device) return device.error();
  BudgetOverrides overrides;
  auto dsp = count_override("--dsp", options.dsp, device->dsp, "DSP slices");
  if (!dsp) return dsp.error();
  overrides.dsp = *dsp;
  auto bram18 = count_override("--bram18", options.bram18, device->bram18, "BRAM18 blocks");
  if (!bram18) return bram18.error();
  overrides.bram18 = *bram18;
  auto bw = real_override("--bw-gbps", options.bw_gbps, device->dram_bw_gbps, true,
                          "a bandwidth in GB/s or a percentage of the device's, e.g. 50%");
  if (!bw) return bw.error();
  overrides.dram_bw_gbps = *bw;
  auto clock = real_override("--clock-mhz", options.clock_mhz, device->clock_mhz, false,
                             "a clock in MHz, e.g. 200");
  if (!clock) return clock.error();
  overrides.clock_mhz = *clock;
  // 16 bits is every device's default; anything else is the user's choice.
  if (options.precision_bits != 16) overrides.precision_bits = options.precision_bits;
  auto budget = make_budget(*device, overrides);
  if (!budget) return budget.error();
  return ResolvedBudget{.device = *device, .budget = *budget, .overrides = overrides};
}

}  // namespace dnne::cli
