// The design report's views of a hand-made estimate: every figure shown is the estimate's,
// converted by hand here (cycles / MHz = microseconds, used / budget = percentage).
#include "report/design_report.h"

#include <gtest/gtest.h>

#include "device/catalog.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

Problem vgg16_on_ku115() {
  Network network = *build_zoo_network("vgg16");
  Workload workload = make_workload(network);
  const Device device = *find_device("ku115");
  const BudgetOverrides overrides{.dsp = 4000, .precision_bits = 8};
  const Budget budget = *make_budget(device, overrides);
  return {.network = std::move(network),
          .workload = std::move(workload),
          .budget = {.device = device, .budget = budget, .overrides = overrides}};
}

struct Fixture {
  Problem problem = vgg16_on_ku115();
  const Workload& workload = problem.workload;
  Design design;
  Estimate estimate;
  Fixture() {
    design.split_point = 2;
    design.clock_mhz = 250;  // the design's own clock, not the budget's 200
    design.pipeline.stages = {{.cpf = 3, .kpf = 8}, {.cpf = 8, .kpf = 8}};
    design.generic = {.p_in = 8,
                      .p_out = 8,
                      .input_buffer_bram18 = 4,
                      .weight_buffer_bram18 = 4,
                      .output_buffer_bram18 = 4};
    estimate.layers.resize(workload.stages.size());
    for (size_t i = 0; i < estimate.layers.size(); ++i)
      estimate.layers[i] = {.stage = static_cast<int>(i),
                            .part = i < 2 ? Part::kPipeline : Part::kGeneric,
                            .cycles = 1000 * static_cast<int64_t>(i + 1),
                            .bound = Bound::kDsp,
                            .dsp = 10,
                            .bram18 = 5,
                            .dram_bw_gbps = 0.5};
    estimate.throughput_fps = 12.5;
    estimate.throughput_gops = 400;
    estimate.latency_ms = 80;
    estimate.dsp_used = 1000;
    estimate.bram18_used = 1080;
    estimate.dram_bw_gbps_used = 19.2;
    estimate.dsp_efficiency = 0.5;
    estimate.add_violation(
        {.resource = Resource::kBram18, .needed = 600, .available = 500, .stage = 2});
  }
  DesignReportInput input() const {
    return {.problem = problem, .design = design, .estimate = estimate};
  }
};

TEST(DesignReport, ParadigmFollowsTheSplitPoint) {
  Fixture f;
  const int n = static_cast<int>(f.workload.stages.size());
  Design d;
  EXPECT_EQ(paradigm_of(d, f.workload), "generic");
  d.split_point = n;
  EXPECT_EQ(paradigm_of(d, f.workload), "pipeline");
  d.split_point = 4;
  EXPECT_EQ(paradigm_of(d, f.workload), "hybrid");
}

TEST(DesignReport, JsonCarriesTheEstimateAndTheOverrides) {
  Fixture f;
  const auto j = design_report_json(f.input());
  EXPECT_EQ(j["paradigm"], "hybrid");
  EXPECT_EQ(j["budget"]["dsp"], 4000);
  EXPECT_EQ(j["budget"]["precision"], 8);
  EXPECT_EQ(j["budget"]["overridden"], (nlohmann::json{"dsp", "precision"}));
  EXPECT_EQ(j["metrics"]["throughput_gops"], 400.0);
  EXPECT_EQ(j["metrics"]["clock_mhz"], 250.0);
  EXPECT_EQ(j["design"]["split_point"], 2);
  EXPECT_EQ(j["feasible"], false);
  EXPECT_EQ(j["violations"][0]["resource"], "bram18");
  EXPECT_EQ(j["violations"][0]["stage"], "pool1");
  EXPECT_EQ(j["violations"][0]["message"], "layer pool1: BRAM18 needed 600 > available 500");
  const auto& second = j["layers"][1];
  EXPECT_EQ(second["name"], "conv1_2");
  EXPECT_EQ(second["part"], "pipeline");
  EXPECT_EQ(second["cycles"], 2000);
  EXPECT_DOUBLE_EQ(second["time_us"].get<double>(), 2000.0 / 250);  // at the design's clock
  EXPECT_EQ(j["layers"][2]["part"], "generic");
}

TEST(DesignReport, TableShowsUseAgainstBudgetAndViolations) {
  Fixture f;
  const std::string t = design_report_table(f.input());
  EXPECT_NE(t.find("vgg16 on ku115 (XCKU115, KCU1500): hybrid design, split point 2 of"),
            std::string::npos);
  EXPECT_NE(t.find("throughput      400.0 GOP/s, 12.50 frames/s\n"), std::string::npos) << t;
  EXPECT_NE(t.find("DSP             1,000 / 4,000* (25.0 %)\n"), std::string::npos) << t;
  EXPECT_NE(t.find("BRAM18          1,080 / 4,320 (25.0 %)\n"), std::string::npos) << t;
  EXPECT_NE(t.find("DRAM bandwidth  19.20 / 76.80 GB/s (25.0 %)\n"), std::string::npos) << t;
  EXPECT_NE(t.find("clock           250.0 MHz\nprecision       8* bits\n"), std::string::npos) << t;
  EXPECT_NE(t.find("feasible: NO, 1 violation:\n  - layer pool1: BRAM18 needed 600 > available "
                   "500\n"),
            std::string::npos)
      << t;
}

TEST(DesignReport, CsvRowsAreTheLayers) {
  Fixture f;
  const std::string csv = design_layers_csv(f.input());
  EXPECT_EQ(csv.rfind("layer,kind,part,cycles,time_us,bound,dsp,bram18,dram_bw_gbps,uram,lut\n"
                      "\"conv1_1\",conv,pipeline,1000,4.000,dsp,10,5,0.5000,0,0\n",
                      0),
            0u)
      << csv;
}

}  // namespace
}  // namespace dnne
