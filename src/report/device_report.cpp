#include "report/device_report.h"

#include "report/table.h"

namespace dnne {

nlohmann::json device_json(const Device& device) {
  return {{"name", device.name},
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
                   {"DSP family", A::kLeft}});
  for (const auto& d : devices)
    table.add_row({d.name, d.part, d.board, with_commas(d.dsp), with_commas(d.bram18),
                   with_commas(d.uram), with_commas(d.lut), fixed(d.dram_bw_gbps, 1),
                   fixed(d.clock_mhz, 0), std::string(dsp_family_name(d.dsp_family))});
  std::string text = table.render() + "\nSources:\n";
  for (const auto& d : devices) text += "  " + d.name + ": " + d.source + "\n";
  return text;
}

}  // namespace dnne
