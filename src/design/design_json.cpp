// Writing a design file (format in the README, "Design files"); reading and validating it is
// in design_json_read.cpp.
#include "design/design_json.h"

#include "design/design_names.h"
#include "util/json_fields.h"

namespace dnne {

nlohmann::json design_to_json(const Design& design, const StageNames& names) {
  const int n = names.count();
  nlohmann::json json = {{"split_point", design.split_point},
                         {"clock_mhz", design.clock_mhz},
                         {"precision", design.precision_bits}};
  // Written only when set, so existing design files and goldens keep their form.
  if (design.dsp_double_rate) json["dsp_double_rate"] = true;
  const DesignBudget& b = design.made_for;
  if (b.dsp > 0 || b.bram18 > 0 || b.dram_bw_gbps > 0)
  {
    json["budget"] = {{"dsp", b.dsp}, {"bram18", b.bram18}, {"dram_bw_gbps", b.dram_bw_gbps}};
    if (b.uram >= 0) json["budget"]["uram"] = b.uram;
    if (b.lut >= 0) json["budget"]["lut"] = b.lut;
  }
  // Only the parts a design has: the file a reader sees is the design that runs.
  if (design.split_point > 0 && design.split_point < n)
    json["split"] = {{"pipeline_dsp", design.split.pipeline_dsp},
                     {"pipeline_bram18", design.split.pipeline_bram18},
                     {"pipeline_dram_bw_gbps", design.split.pipeline_dram_bw_gbps}};
  if (design.split_point > 0) {
    nlohmann::json stages = nlohmann::json::array();
    for (int i = 0; i < design.split_point && i < static_cast<int>(design.pipeline.stages.size());
         ++i) {
      const auto& stage = design.pipeline.stages[static_cast<size_t>(i)];
      const std::string layer = i < n ? names.layer(i) : "";
      stages.push_back({{"layer", layer},
                        {"cpf", stage.cpf},
                        {"kpf", stage.kpf},
                        {"weights_on_chip", stage.weights_on_chip}});
    }
    const StageDspOverhead& o = design.pipeline.dsp_overhead;
    json["pipeline"] = {
        {"batch", design.pipeline.batch},
        {"dsp_overhead", {{"weighted_stage", o.weighted_stage}, {"other_stage", o.other_stage}}},
        {"stages", stages}};
  }
  if (design.split_point < n) {
    const auto& g = design.generic;
    json["generic"] = {{"p_in", g.p_in},
                       {"p_out", g.p_out},
                       {"batch", g.batch},
                       {"input_buffer_bram18", g.input_buffer_bram18},
                       {"weight_buffer_bram18", g.weight_buffer_bram18},
                       {"output_buffer_bram18", g.output_buffer_bram18},
                       {"buffering", std::string(buffering_name(g.buffering))},
                       {"winograd_m", g.winograd_m},
                       {"dsp_overhead", g.dsp_overhead}};
  }
  return json;
}

Expected<Design> read_design_file(const std::string& path, const StageNames& names) {
  auto json = read_json_file(path, "a design file (JSON)");
  if (!json) return json.error();
  return design_from_json(*json, names, path);
}

}  // namespace dnne
