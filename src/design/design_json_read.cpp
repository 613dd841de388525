// Reading a design file: every field is checked and every problem reported at once, each naming
// the file and field and why (STYLE.md: parse -> validate -> typed spec). Stage entries name
// their layers, and the names must match the network's stage layers in order, so a design made
// for one network is never silently applied to another.
#include <string>

#include "design/design_json.h"
#include "design/design_names.h"
#include "device/limits.h"
#include "util/json_fields.h"
#include "util/number_format.h"

namespace dnne {

namespace {

// Parallelism and batch fields are ints in Design: the cap is far beyond any FPGA and keeps
// them from overflowing.
constexpr int64_t kMaxLanes = 1 << 20;

struct Context {
  const StageNames& names;
  JsonProblems& problems;
};

// A figure that is 0 (none, or "the budget's") or at least `floor` (device/limits.h).
std::optional<double> zero_or_at_least(JsonObjectReader& r, std::optional<double> v,
                                       const std::string& key, double floor) {
  if (v && *v > 0 && *v < floor) {
    r.problem(key + " " + format_number(*v) + " must be 0 or >= " + format_number(floor));
    return std::nullopt;
  }
  return v;
}

void read_split(const nlohmann::json& json, Context& c, ResourceSplit& split) {
  JsonObjectReader r(json, "split", c.problems);
  r.reject_unknown_keys({"pipeline_dsp", "pipeline_bram18", "pipeline_dram_bw_gbps"});
  if (auto v = r.integer_at_least("pipeline_dsp", 1, true, 0, kMaxDsp)) split.pipeline_dsp = *v;
  if (auto v = r.integer_at_least("pipeline_bram18", 0, true, 0, kMaxBram18))
    split.pipeline_bram18 = *v;
  if (auto v = zero_or_at_least(r,
                                r.number_positive("pipeline_dram_bw_gbps", true, 0,
                                                  /*allow_zero=*/true, kMaxDramBwGbps),
                                "pipeline_dram_bw_gbps", kMinDramBwGbps))
    split.pipeline_dram_bw_gbps = *v;
}

void read_made_for(const nlohmann::json& json, Context& c, DesignBudget& budget) {
  JsonObjectReader r(json, "budget", c.problems);
  r.reject_unknown_keys({"dsp", "bram18", "dram_bw_gbps", "uram", "lut"});
  // Absent (a file written before they were recorded): -1, the run's figure applies.
  if (r.has("uram"))
    if (auto v = r.integer_at_least("uram", 0, false, 0, kMaxUram)) budget.uram = *v;
  if (r.has("lut"))
    if (auto v = r.integer_at_least("lut", 0, false, 0, kMaxLut)) budget.lut = *v;
  if (auto v = r.integer_at_least("dsp", 1, false, 0, kMaxDsp)) budget.dsp = *v;
  if (auto v = r.integer_at_least("bram18", 1, false, 0, kMaxBram18)) budget.bram18 = *v;
  if (auto v =
          zero_or_at_least(r, r.number_positive("dram_bw_gbps", false, 0, false, kMaxDramBwGbps),
                           "dram_bw_gbps", kMinDramBwGbps))
    budget.dram_bw_gbps = *v;
}

void read_stage(const nlohmann::json& json, int i, Context& c, StageParallelism& stage) {
  const bool known = i < c.names.count();
  const std::string path =
      "pipeline.stages[" + std::to_string(i) + "]" + (known ? " (" + c.names.layer(i) + ")" : "");
  JsonObjectReader r(json, path, c.problems);
  r.reject_unknown_keys({"layer", "cpf", "kpf", "weights_on_chip"});
  if (auto layer = r.string("layer", true); layer && known && *layer != c.names.layer(i))
    r.problem("layer '" + *layer + "' does not match stage layer " + std::to_string(i) + " of " +
              c.names.network + ", '" + c.names.layer(i) + "'");
  if (auto v = r.integer_at_least("cpf", 1, false, 1, kMaxLanes)) stage.cpf = static_cast<int>(*v);
  if (auto v = r.integer_at_least("kpf", 1, false, 1, kMaxLanes)) stage.kpf = static_cast<int>(*v);
  if (r.has("weights_on_chip"))
    if (auto v = r.boolean("weights_on_chip", false)) stage.weights_on_chip = *v;
}

void read_pipeline(const nlohmann::json& json, int split_point, Context& c,
                   PipelineDesign& pipeline) {
  JsonObjectReader r(json, "pipeline", c.problems);
  r.reject_unknown_keys({"batch", "stages", "dsp_overhead"});
  if (auto v = r.integer_at_least("batch", 1, false, 1, kMaxLanes))
    pipeline.batch = static_cast<int>(*v);
  // Controller DSPs per stage (docs/models.md 2.1); absent: AccDNN's 6 and 2.
  if (const auto* overhead = r.value("dsp_overhead", false)) {
    JsonObjectReader o(*overhead, "pipeline.dsp_overhead", c.problems);
    o.reject_unknown_keys({"weighted_stage", "other_stage"});
    if (auto v = o.integer_at_least("weighted_stage", 0, false, kDspPerWeightedStage, kMaxDsp))
      pipeline.dsp_overhead.weighted_stage = static_cast<int>(*v);
    if (auto v = o.integer_at_least("other_stage", 0, false, kDspPerOtherStage, kMaxDsp))
      pipeline.dsp_overhead.other_stage = static_cast<int>(*v);
  }
  const auto* stages = r.value("stages", true);
  if (!stages) return;
  if (!stages->is_array()) {
    r.problem(std::string("stages: expected an array, got ") + stages->type_name());
    return;
  }
  if (static_cast<int>(stages->size()) != split_point)
    c.problems.add("", "pipeline.stages has " + std::to_string(stages->size()) +
                           " entries but split_point is " + std::to_string(split_point));
  pipeline.stages.assign(stages->size(), StageParallelism{});
  for (size_t i = 0; i < stages->size(); ++i)
    read_stage((*stages)[i], static_cast<int>(i), c, pipeline.stages[i]);
}

void read_generic(const nlohmann::json& json, Context& c, GenericDesign& generic) {
  JsonObjectReader r(json, "generic", c.problems);
  r.reject_unknown_keys({"p_in", "p_out", "batch", "input_buffer_bram18", "weight_buffer_bram18",
                         "output_buffer_bram18", "buffering", "winograd_m", "dsp_overhead"});
  if (auto v = r.integer_at_least("p_in", 1, true, 0, kMaxLanes))
    generic.p_in = static_cast<int>(*v);
  if (auto v = r.integer_at_least("p_out", 1, true, 0, kMaxLanes))
    generic.p_out = static_cast<int>(*v);
  if (auto v = r.integer_at_least("batch", 1, false, 1, kMaxLanes))
    generic.batch = static_cast<int>(*v);
  // The engine's control DSPs (docs/models.md 2.1); absent: 6.
  if (auto v = r.integer_at_least("dsp_overhead", 0, false, kDspPerEngine, kMaxDsp))
    generic.dsp_overhead = static_cast<int>(*v);
  if (auto v = r.integer_at_least("input_buffer_bram18", 1, true, 0, kMaxBram18))
    generic.input_buffer_bram18 = *v;
  if (auto v = r.integer_at_least("weight_buffer_bram18", 1, true, 0, kMaxBram18))
    generic.weight_buffer_bram18 = *v;
  if (auto v = r.integer_at_least("output_buffer_bram18", 1, true, 0, kMaxBram18))
    generic.output_buffer_bram18 = *v;
  if (auto name = r.string("buffering", false)) {
    if (auto choice = parse_buffering(*name))
      generic.buffering = *choice;
    else
      r.problem("buffering '" + *name + "' is not one of " + buffering_names_listed() +
                did_you_mean_suffix(*name, buffering_names()));
  }
  // HybridDNN's Winograd modes: F(2x2,3x3) or F(4x4,3x3); 0 is spatial only.
  if (auto m = r.integer_at_least("winograd_m", 0, false, 0, 4)) {
    if (*m == 0 || *m == 2 || *m == 4)
      generic.winograd_m = static_cast<int>(*m);
    else
      r.problem("winograd_m " + std::to_string(*m) + " must be 0 (off), 2 or 4");
  }
}

}  // namespace

Expected<Design> design_from_json(const nlohmann::json& json, const StageNames& names,
                                  const std::string& source) {
  JsonProblems problems(source);
  Context c{.names = names, .problems = problems};
  JsonObjectReader r(json, "", problems);
  if (!r.is_object()) return problems.error();
  r.reject_unknown_keys(
      {"split_point", "clock_mhz", "precision", "budget", "split", "pipeline", "generic",
       "dsp_double_rate"});
  Design design;
  const int n = c.names.count();
  const auto split_point = r.integer_at_least("split_point", 0, true);
  if (split_point && *split_point > n) {
    r.problem("split_point " + std::to_string(*split_point) + " > " + std::to_string(n) +
              " stage layers of " + names.network);
  }
  if (!split_point || *split_point > n) return problems.error();
  design.split_point = static_cast<int>(*split_point);
  const int sp = design.split_point;
  if (auto v = zero_or_at_least(
          r, r.number_positive("clock_mhz", false, 0, /*allow_zero=*/true, kMaxClockMhz),
          "clock_mhz", kMinClockMhz))
    design.clock_mhz = *v;
  if (auto v = r.integer("precision", false)) {
    if (*v != 16 && *v != 8)
      r.problem("precision " + std::to_string(*v) + " must be 16 or 8");
    else
      design.precision_bits = static_cast<int>(*v);
  }
  if (auto v = r.boolean("dsp_double_rate", false)) design.dsp_double_rate = *v;
  if (const auto* budget = r.value("budget", false)) read_made_for(*budget, c, design.made_for);
  // A part the design has is required; a part it lacks may be present and is then checked
  // but ignored by the models.
  const std::string n_text = std::to_string(n);
  if (const auto* split = r.value("split", false))
    read_split(*split, c, design.split);
  else if (sp > 0 && sp < n)
    r.problem("missing key 'split' (required when 0 < split_point < " + n_text + ")");
  if (const auto* pipeline = r.value("pipeline", false))
    read_pipeline(*pipeline, sp, c, design.pipeline);
  else if (sp > 0)
    r.problem("missing key 'pipeline' (required when split_point > 0)");
  if (const auto* generic = r.value("generic", false))
    read_generic(*generic, c, design.generic);
  else if (sp < n)
    r.problem("missing key 'generic' (required when split_point < " + n_text + ")");
  if (!problems.empty()) return problems.error();
  return design;
}

}  // namespace dnne
