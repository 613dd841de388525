#include "report/device_report.h"

#include <algorithm>

#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

nlohmann::json device_json(const Device& device) {
  nlohmann::json out = {{"name", device.name},
          {"part", device.part},
          {"board", device.board},
          {"dsp", device.dsp},
          {"bram18", device.bram18},
          {"uram", device.uram},
          {"lut", device.lut},
          {"dram_bw_gbps", device.dram_bw_gbps},
          {"clock_mhz", device.clock_mhz},
          {"dsp_family", std::string(dsp_family_name(device.dsp_family))},
          {"source", device.source}};
  if (device.shell_share > 0) out["shell_share"] = device.shell_share;
  // Only where a figure is unconfirmed, so confirmed entries keep their keys unchanged.
  if (!device.unconfirmed.empty()) out["unconfirmed"] = device.unconfirmed;
  // The DRAM efficiency by burst length (docs/models.md 2.3), so a file started from a
  // catalog entry carries it.
  nlohmann::json curve = nlohmann::json::array();
  for (int i = 0; i < device.burst_curve.count; ++i) {
    const BurstPoint& p = device.burst_curve.points[static_cast<size_t>(i)];
    curve.push_back({p.bytes, p.efficiency});
  }
  out["burst_curve"] = curve;
  return out;
}

nlohmann::json devices_json(const std::vector<Device>& devices) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& device : devices) list.push_back(device_json(device));
  return {{"devices", list}};
}

std::string devices_table(const std::vector<Device>& devices) {
  using A = TextTable::Align;
  TextTable table({{"device", A::kLeft},
                   {"part", A::kLeft},
                   {"board", A::kLeft},
                   {"DSP"},
                   {"BRAM18"},
                   {"URAM"},
                   {"LUTs"},
                   {"DRAM GB/s"},
                   {"clock MHz"},
                   {"DSP family", A::kLeft},
                   {"shell"}});
  bool any_unconfirmed = false;
  for (const auto& d : devices) {
    // '*' after a figure no source confirmed (Device::unconfirmed).
    auto mark = [&](const char* key) {
      const bool u = std::find(d.unconfirmed.begin(), d.unconfirmed.end(), key) !=
                     d.unconfirmed.end();
      any_unconfirmed = any_unconfirmed || u;
      return std::string(u ? "*" : "");
    };
    table.add_row({d.name, d.part, d.board + mark("board"), with_commas(d.dsp) + mark("dsp"),
                   with_commas(d.bram18) + mark("bram18"), with_commas(d.uram) + mark("uram"),
                   with_commas(d.lut) + mark("lut"), fixed(d.dram_bw_gbps, 1) + mark("dram_bw_gbps"),
                   fixed(d.clock_mhz, 0) + mark("clock_mhz"),
                   std::string(dsp_family_name(d.dsp_family)),
                   d.shell_share > 0 ? fixed(100 * d.shell_share, 0) + "%" + mark("shell_share")
                                     : std::string("-")});
  }
  std::string text = table.render();
  text += "shell: the share of DSP and BRAM18 a vendor shell takes; the default budget is the "
          "rest\n";
  if (any_unconfirmed) text += "* unconfirmed: no source found for this figure (see Sources)\n";
  text += "\nSources:\n";
  for (const auto& d : devices) text += "  " + d.name + ": " + d.source + "\n";
  return text;
}

}  // namespace dnne
