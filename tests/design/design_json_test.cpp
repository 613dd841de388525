// Design files: exact round trip, and each validation error's text.
#include "design/design_json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "model/workload.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

// A workload built here rather than by make_workload, so these tests fix the stage list they
// check against: the conv, pool and fc layers of VGG16 in order (13 + 5 + 3 = 21 stages).
struct Fixture {
  Network network = *build_zoo_network("vgg16");
  Workload workload;
  Fixture() {
    workload.name = "vgg16";
    for (const auto& layer : network.layers())
      if (layer.kind == LayerKind::kConv || layer.kind == LayerKind::kPool ||
          layer.kind == LayerKind::kFc)
        workload.stages.push_back({.layer = layer.id, .kind = layer.kind});
  }
  std::string name(int stage) const { return network.layer(workload.stages[stage].layer).name; }
  nlohmann::json stages_json(int count) const {
    nlohmann::json stages = nlohmann::json::array();
    for (int i = 0; i < count; ++i) stages.push_back({{"layer", name(i)}, {"cpf", 3}, {"kpf", 8}});
    return stages;
  }
  Expected<Design> read(const nlohmann::json& json) const {
    return design_from_json(json, stage_names(workload, network), "design.json");
  }
};

Design hybrid_design() {
  Design d;
  d.split_point = 3;
  d.clock_mhz = 187.5;
  d.precision_bits = 8;
  d.split = {.pipeline_dsp = 1200, .pipeline_bram18 = 800, .pipeline_dram_bw_gbps = 6.4};
  d.pipeline.batch = 2;
  d.pipeline.stages = {{.cpf = 3, .kpf = 16},
                       {.cpf = 16, .kpf = 32, .weights_on_chip = true},
                       {.cpf = 1, .kpf = 64}};
  d.generic = {.p_in = 16,
               .p_out = 32,
               .batch = 4,
               .input_buffer_bram18 = 120,
               .weight_buffer_bram18 = 256,
               .output_buffer_bram18 = 64,
               .buffering = BufferingChoice::kWeightResident,
               .winograd_m = 4,
               .dsp_overhead = 9};
  d.pipeline.dsp_overhead = {.weighted_stage = 7, .other_stage = 0};
  return d;
}

void expect_same(const Design& a, const Design& b) {
  EXPECT_EQ(a.split_point, b.split_point);
  EXPECT_EQ(a.clock_mhz, b.clock_mhz);
  EXPECT_EQ(a.precision_bits, b.precision_bits);
  EXPECT_EQ(a.split.pipeline_dsp, b.split.pipeline_dsp);
  EXPECT_EQ(a.split.pipeline_bram18, b.split.pipeline_bram18);
  EXPECT_EQ(a.split.pipeline_dram_bw_gbps, b.split.pipeline_dram_bw_gbps);
  EXPECT_EQ(a.pipeline.batch, b.pipeline.batch);
  ASSERT_EQ(a.pipeline.stages.size(), b.pipeline.stages.size());
  for (size_t i = 0; i < a.pipeline.stages.size(); ++i) {
    EXPECT_EQ(a.pipeline.stages[i].cpf, b.pipeline.stages[i].cpf);
    EXPECT_EQ(a.pipeline.stages[i].kpf, b.pipeline.stages[i].kpf);
    EXPECT_EQ(a.pipeline.stages[i].weights_on_chip, b.pipeline.stages[i].weights_on_chip);
  }
  EXPECT_EQ(a.generic.p_in, b.generic.p_in);
  EXPECT_EQ(a.generic.p_out, b.generic.p_out);
  EXPECT_EQ(a.generic.batch, b.generic.batch);
  EXPECT_EQ(a.generic.input_buffer_bram18, b.generic.input_buffer_bram18);
  EXPECT_EQ(a.generic.weight_buffer_bram18, b.generic.weight_buffer_bram18);
  EXPECT_EQ(a.generic.output_buffer_bram18, b.generic.output_buffer_bram18);
  EXPECT_EQ(a.generic.buffering, b.generic.buffering);
  EXPECT_EQ(a.generic.winograd_m, b.generic.winograd_m);
  EXPECT_EQ(a.generic.dsp_overhead, b.generic.dsp_overhead);
  EXPECT_EQ(a.pipeline.dsp_overhead.weighted_stage, b.pipeline.dsp_overhead.weighted_stage);
  EXPECT_EQ(a.pipeline.dsp_overhead.other_stage, b.pipeline.dsp_overhead.other_stage);
}

TEST(DesignJson, HybridRoundTripIsExact) {
  Fixture f;
  const Design d = hybrid_design();
  const nlohmann::json json = design_to_json(d, stage_names(f.workload, f.network));
  EXPECT_EQ(json["pipeline"]["stages"][1]["layer"], "conv1_2");
  EXPECT_EQ(json["generic"]["buffering"], "weight_resident");
  EXPECT_EQ(json["generic"]["winograd_m"], 4);
  EXPECT_EQ(json["generic"]["dsp_overhead"], 9);
  EXPECT_EQ(json["pipeline"]["dsp_overhead"]["weighted_stage"], 7);
  // Through text, as a file would go.
  const auto back = f.read(nlohmann::json::parse(json.dump(2)));
  ASSERT_TRUE(back) << back.error().message;
  expect_same(d, *back);
  EXPECT_EQ(design_to_json(*back, stage_names(f.workload, f.network)), json);
}

// The budget a design was made for records URAM and LUT too (0 is a budget: no URAM), so
// bench evaluates it with the buffers mapped as explore mapped them.
TEST(DesignJson, MadeForBudgetRecordsUramAndLut) {
  Fixture f;
  Design d = hybrid_design();
  d.made_for = {.dsp = 900, .bram18 = 1090, .dram_bw_gbps = 19.2, .uram = 0, .lut = 200000};
  const nlohmann::json json = design_to_json(d, stage_names(f.workload, f.network));
  EXPECT_EQ(json["budget"]["uram"], 0);
  EXPECT_EQ(json["budget"]["lut"], 200000);
  const auto back = f.read(nlohmann::json::parse(json.dump(2)));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->made_for.uram, 0);
  EXPECT_EQ(back->made_for.lut, 200000);
  // Not recorded (an older file): -1, and no key written.
  d.made_for.uram = d.made_for.lut = -1;
  const nlohmann::json old = design_to_json(d, stage_names(f.workload, f.network));
  EXPECT_FALSE(old["budget"].contains("uram"));
  EXPECT_FALSE(old["budget"].contains("lut"));
  const auto back_old = f.read(old);
  ASSERT_TRUE(back_old);
  EXPECT_EQ(back_old->made_for.uram, -1);
}

TEST(DesignJson, PureDesignsWriteOnlyTheirPart) {
  Fixture f;
  Design generic_only;
  generic_only.generic = {.p_in = 8,
                          .p_out = 8,
                          .input_buffer_bram18 = 10,
                          .weight_buffer_bram18 = 10,
                          .output_buffer_bram18 = 10};
  const auto g = design_to_json(generic_only, stage_names(f.workload, f.network));
  EXPECT_FALSE(g.contains("pipeline"));
  EXPECT_FALSE(g.contains("split"));
  const auto back = f.read(g);
  ASSERT_TRUE(back) << back.error().message;
  expect_same(generic_only, *back);

  Design pipeline_only;
  pipeline_only.split_point = 21;
  pipeline_only.pipeline.stages.assign(21, {.cpf = 2, .kpf = 4});
  const auto p = design_to_json(pipeline_only, stage_names(f.workload, f.network));
  EXPECT_FALSE(p.contains("generic"));
  EXPECT_FALSE(p.contains("split"));
  const auto back_p = f.read(p);
  ASSERT_TRUE(back_p) << back_p.error().message;
  expect_same(pipeline_only, *back_p);
}

TEST(DesignJson, OptionalFieldsTakeTheirDefaults) {
  Fixture f;
  const auto d = f.read(
      {{"split_point", 1},
       {"split", {{"pipeline_dsp", 10}, {"pipeline_bram18", 0}, {"pipeline_dram_bw_gbps", 0}}},
       {"pipeline", {{"stages", {{{"layer", "conv1_1"}}}}}},
       {"generic",
        {{"p_in", 4},
         {"p_out", 4},
         {"input_buffer_bram18", 1},
         {"weight_buffer_bram18", 1},
         {"output_buffer_bram18", 1}}}});
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->clock_mhz, 0);  // the budget's clock
  EXPECT_EQ(d->precision_bits, 16);
  EXPECT_EQ(d->pipeline.batch, 1);
  EXPECT_EQ(d->pipeline.stages[0].cpf, 1);
  EXPECT_EQ(d->pipeline.stages[0].kpf, 1);
  EXPECT_FALSE(d->pipeline.stages[0].weights_on_chip);
  EXPECT_EQ(d->generic.batch, 1);
  EXPECT_EQ(d->generic.buffering, BufferingChoice::kAuto);
  // Controller DSPs: AccDNN's per stage, ours per engine (docs/models.md 2.1).
  EXPECT_EQ(d->pipeline.dsp_overhead.weighted_stage, 6);
  EXPECT_EQ(d->pipeline.dsp_overhead.other_stage, 2);
  EXPECT_EQ(d->generic.dsp_overhead, 6);
}

TEST(DesignJson, DspOverheadIsCheckedByName) {
  Fixture f;
  const auto d = f.read({{"split_point", 1},
                         {"split", {{"pipeline_dsp", 10}}},
                         {"pipeline",
                          {{"dsp_overhead", {{"weighted_stage", -1}, {"pooling", 2}}},
                           {"stages", {{{"layer", "conv1_1"}}}}}},
                         {"generic",
                          {{"p_in", 4},
                           {"p_out", 4},
                           {"input_buffer_bram18", 1},
                           {"weight_buffer_bram18", 1},
                           {"output_buffer_bram18", 1},
                           {"dsp_overhead", -2}}}});
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("pipeline.dsp_overhead"), std::string::npos)
      << d.error().message;
  EXPECT_NE(d.error().message.find("pooling"), std::string::npos) << d.error().message;
  EXPECT_NE(d.error().message.find("generic: dsp_overhead -2"), std::string::npos)
      << d.error().message;
}

TEST(DesignJson, SplitPointBeyondTheNetwork) {
  Fixture f;
  const auto d = f.read({{"split_point", 25}});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "design.json: split_point 25 > 21 stage layers of vgg16");
}

TEST(DesignJson, StageErrorsNameTheStageAndField) {
  Fixture f;
  nlohmann::json stages = f.stages_json(3);
  stages[0].erase("kpf");
  stages[0]["kpf1"] = 4;
  stages[1]["cpf"] = 0;
  stages[1]["kpf"] = int64_t{1} << 40;
  stages[2]["layer"] = "conv2_1";
  const auto d = f.read(
      {{"split_point", 5},
       {"split", {{"pipeline_dsp", 10}, {"pipeline_bram18", 0}, {"pipeline_dram_bw_gbps", 1.5}}},
       {"pipeline", {{"batch", 1}, {"stages", stages}}},
       {"generic",
        {{"p_in", 4},
         {"p_out", 4},
         {"input_buffer_bram18", 1},
         {"weight_buffer_bram18", 1},
         {"output_buffer_bram18", 1}}}});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "design.json: pipeline.stages has 3 entries but split_point is 5\n"
            "design.json: pipeline.stages[0] (conv1_1): unknown key 'kpf1', did you mean "
            "'kpf'?\n"
            "design.json: pipeline.stages[1] (conv1_2): cpf 0 must be >= 1\n"
            "design.json: pipeline.stages[1] (conv1_2): kpf 1099511627776 must be <= 1048576\n"
            "design.json: pipeline.stages[2] (pool1): layer 'conv2_1' does not match stage "
            "layer 2 of vgg16, 'pool1'");
}

TEST(DesignJson, MissingPartsAndBadValues) {
  Fixture f;
  const auto d = f.read({{"split_point", 2},
                         {"precision", 12},
                         {"clock_mhz", "fast"},
                         {"generic",
                          {{"p_in", 0},
                           {"p_out", 4},
                           {"batch", 2.5},
                           {"weight_buffer_bram18", 1},
                           {"output_buffer_bram18", 1},
                           {"buffering", "input"},
                           {"winograd_m", 3}}}});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "design.json: clock_mhz: expected a number, got string \"fast\"\n"
            "design.json: precision 12 must be 16 or 8\n"
            "design.json: missing key 'split' (required when 0 < split_point < 21)\n"
            "design.json: missing key 'pipeline' (required when split_point > 0)\n"
            "design.json: generic: p_in 0 must be >= 1\n"
            "design.json: generic: batch: expected an integer, got number 2.5\n"
            "design.json: generic: missing required key 'input_buffer_bram18'\n"
            "design.json: generic: buffering 'input' is not one of auto, input_resident, "
            "weight_resident, did you mean 'input_resident'?\n"
            "design.json: generic: winograd_m 3 must be 0 (off), 2 or 4");
}

TEST(DesignJson, UnknownTopLevelKey) {
  Fixture f;
  const auto d = f.read({{"spilt_point", 0}});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "design.json: unknown key 'spilt_point', did you mean 'split_point'?\n"
            "design.json: missing required key 'split_point'");
}

TEST(DesignJson, MalformedFileGivesLineAndColumn) {
  Fixture f;
  char path[] = "/tmp/dnne_design_XXXXXX.json";
  const int fd = mkstemps(path, 5);
  if (fd >= 0) close(fd);
  // A missing comma: the parser stops at the end of the unexpected "generic" (line 3, column
  // 11), as nlohmann reports it.
  std::ofstream(path) << "{\n  \"split_point\": 0\n  \"generic\": {}\n}\n";
  const auto d = read_design_file(path, stage_names(f.workload, f.network));
  std::remove(path);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message.rfind(std::string(path) + ":3:11: invalid JSON: syntax error", 0), 0u)
      << d.error().message;
}

// Design files need only the stage layers' names (design/stage_names.h): no network or
// workload, so the design layer sits below the model.
TEST(DesignJson, PlainStageNamesAreEnough) {
  const StageNames names{.network = "tiny", .layers = {"c1", "c2"}};
  Design d;
  d.split_point = 1;
  d.pipeline.stages = {{.cpf = 2, .kpf = 4}};
  d.split = {.pipeline_dsp = 100, .pipeline_bram18 = 10};
  d.generic = {.p_in = 4,
               .p_out = 8,
               .input_buffer_bram18 = 2,
               .weight_buffer_bram18 = 2,
               .output_buffer_bram18 = 2};
  const nlohmann::json json = design_to_json(d, names);
  EXPECT_EQ(json["pipeline"]["stages"][0]["layer"], "c1");
  const auto back = design_from_json(json, names, "d.json");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(design_to_json(*back, names), json);
  nlohmann::json wrong = json;
  wrong["pipeline"]["stages"][0]["layer"] = "c2";
  const auto bad = design_from_json(wrong, names, "d.json");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("layer 'c2' does not match stage layer 0 of tiny, 'c1'"),
            std::string::npos)
      << bad.error().message;
  wrong = json;
  wrong["split_point"] = 3;
  const auto over = design_from_json(wrong, names, "d.json");
  ASSERT_FALSE(over);
  EXPECT_NE(over.error().message.find("split_point 3 > 2 stage layers of tiny"), std::string::npos)
      << over.error().message;
}

}  // namespace
}  // namespace dnne
