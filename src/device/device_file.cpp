#include "device/device_file.h"

#include <algorithm>
#include <optional>

#include "device/dsp_family.h"
#include "device/limits.h"
#include "util/json_fields.h"
#include "util/number_format.h"

namespace dnne {

namespace {
const std::vector<std::string> kKeys = {"name",      "part",       "board", "dsp",
                                        "bram18",    "uram",       "lut",   "dram_bw_gbps",
                                        "clock_mhz", "dsp_family", "source", "unconfirmed",
                                        "shell_share", "burst_curve"};

// "burst_curve": [[bytes, efficiency], ...] (docs/models.md 2.3); absent: Caffeine's curve.
std::optional<BurstCurve> read_burst_curve(JsonObjectReader& reader) {
  const auto* list = reader.value("burst_curve", false);
  if (!list) return std::nullopt;
  BurstCurve curve;
  const auto bad = [&](const std::string& why) {
    reader.problem("burst_curve: " + why);
    return std::nullopt;
  };
  if (!list->is_array() || list->empty() || list->size() > kMaxBurstPoints)
    return bad("expected an array of 1 to " + std::to_string(kMaxBurstPoints) +
               " [bytes, efficiency] points");
  for (const auto& point : *list) {
    if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number())
      return bad("point " + std::to_string(curve.count + 1) +
                 " must be [bytes, efficiency], two numbers");
    curve.points[static_cast<size_t>(curve.count++)] = {.bytes = point[0].get<double>(),
                                                        .efficiency = point[1].get<double>()};
  }
  if (const std::string why = burst_curve_problem(curve); !why.empty()) {
    reader.problem(why);
    return std::nullopt;
  }
  return curve;
}

std::optional<DspFamily> read_family(JsonObjectReader& reader) {
  auto text = reader.string("dsp_family", true);
  if (!text) return std::nullopt;
  if (auto family = parse_dsp_family(*text)) return family;
  reader.problem("dsp_family '" + *text + "' is not one of " + dsp_family_names_listed() +
                 did_you_mean_suffix(*text, dsp_family_names()));
  return std::nullopt;
}
}  // namespace

Expected<Device> device_from_json(const nlohmann::json& json, const std::string& source) {
  JsonProblems problems(source);
  JsonObjectReader reader(json, "", problems);
  if (!reader.is_object()) return problems.error();
  reader.reject_unknown_keys(kKeys);
  const auto name = reader.string("name", true);
  if (name && name->empty()) reader.problem("name must not be empty");
  const auto part = reader.string("part", false);
  const auto board = reader.string("board", false);
  const auto dsp = reader.integer_at_least("dsp", 1, true, 0, kMaxDsp);
  const auto bram18 = reader.integer_at_least("bram18", 1, true, 0, kMaxBram18);
  const auto uram = reader.integer_at_least("uram", 0, false, 0);
  const auto lut = reader.integer_at_least("lut", 0, false, 0);
  const auto bw = reader.number_positive("dram_bw_gbps", true, 0, false, kMaxDramBwGbps);
  const auto clock = reader.number_positive("clock_mhz", true, 0, false, kMaxClockMhz);
  if (bw && *bw < kMinDramBwGbps)
    reader.problem("dram_bw_gbps " + format_number(*bw) +
                   " must be >= " + format_number(kMinDramBwGbps));
  if (clock && *clock < kMinClockMhz)
    reader.problem("clock_mhz " + format_number(*clock) +
                   " must be >= " + format_number(kMinClockMhz));
  const auto family = read_family(reader);
  const auto cited = reader.string("source", false);
  double shell = 0;
  if (reader.has("shell_share"))
    if (auto v = reader.number("shell_share", false)) {
      if (*v >= 0 && *v < 1)
        shell = *v;
      else
        reader.problem("shell_share " + format_number(*v) + " must be in [0, 1)");
    }
  // Figures the file's author could not confirm: names of the keys above.
  std::vector<std::string> unconfirmed;
  if (const auto* list = reader.value("unconfirmed", false)) {
    if (!list->is_array()) reader.problem("unconfirmed: expected an array of key names");
    for (const auto& k : list->is_array() ? *list : nlohmann::json::array()) {
      if (!k.is_string() ||
          std::find(kKeys.begin(), kKeys.end(), k.get<std::string>()) == kKeys.end())
        reader.problem("unconfirmed: " + k.dump().substr(0, 80) + " is not a device-file key");
      else
        unconfirmed.push_back(k.get<std::string>());
    }
  }
  const std::optional<BurstCurve> burst = read_burst_curve(reader);
  if (!problems.empty()) return problems.error();
  return Device{.name = *name,
                .part = part.value_or(""),
                .board = board.value_or(""),
                .dsp = *dsp,
                .bram18 = *bram18,
                .uram = *uram,
                .lut = *lut,
                .dram_bw_gbps = *bw,
                .clock_mhz = *clock,
                .dsp_family = *family,
                .source = cited.value_or("device file " + source),
                .unconfirmed = unconfirmed,
                .shell_share = shell,
                .burst_curve = burst.value_or(caffeine_burst_curve())};
}

Expected<Device> read_device_file(const std::string& path) {
  auto json = read_json_file(path);
  if (!json) return json.error();
  return device_from_json(*json, path);
}

}  // namespace dnne
