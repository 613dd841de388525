// End-to-end runs of the dnnexplorer binary: exit status, stdout, stderr.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

TEST(AnalyzeCli, JsonHasTheContractKeys) {
  const CliResult r = run_cli("analyze vgg16 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "vgg16");
  EXPECT_EQ(j["input"], (std::vector<int>{3, 224, 224}));
  EXPECT_EQ(j["totals"]["conv_macs"], 15'346'630'656);
  EXPECT_EQ(j["totals"]["fc_macs"], 123'633'664);
  const auto& conv = j["layers"][1];
  EXPECT_EQ(conv["name"], "conv1_1");
  EXPECT_EQ(conv["kind"], "conv");
  EXPECT_EQ(conv["op"], "Conv");
  EXPECT_EQ(conv["output"], (std::vector<int>{64, 224, 224}));
  EXPECT_EQ(conv["macs"], 64 * 224 * 224 * 3 * 9);
  EXPECT_EQ(conv["params"], 64 * 27 + 64);
}

TEST(AnalyzeCli, InputOverrideAndCsv) {
  const CliResult r = run_cli("analyze alexnet --input 3x227x227 --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("name,kind,op,output,macs,params,other_ops,input_bytes,output_bytes,"
                        "weight_bytes,ctc,window,fused\n",
                        0),
            0u);
  EXPECT_NE(r.out.find("\"conv1\",conv,Conv,64x56x56,"), std::string::npos) << r.out;
  // conv2: 192 x 27 x 27 outputs x 64 x 5 x 5 MACs; 192 x 64 x 25 weights + 192 biases.
  EXPECT_NE(r.out.find("\n\"conv2\",conv,Conv,192x27x27,223948800,307392,"), std::string::npos);
  EXPECT_NE(r.out.find(",\"5x5 p2\",\"Relu\"\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n\"pool1\",pool,MaxPool,64x27x27,"), std::string::npos);
  EXPECT_NE(r.out.find(",\"3x3/2\",\"\"\n"), std::string::npos) << r.out;
}

TEST(AnalyzeCli, TableSizesAreKiB) {
  const CliResult r = run_cli("analyze vgg16");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("  in KiB  out KiB    wt KiB  "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(" KB"), std::string::npos);
}

// Model names are case-insensitive, like device names; the network keeps its own name.
TEST(AnalyzeCli, ModelNamesIgnoreCase) {
  const CliResult upper = run_cli("analyze VGG16 --json");
  ASSERT_EQ(upper.status, 0) << upper.err;
  const CliResult lower = run_cli("analyze vgg16 --json");
  EXPECT_EQ(upper.out, lower.out);
  EXPECT_EQ(nlohmann::json::parse(upper.out)["model"], "vgg16");
  EXPECT_EQ(run_cli("analyze VggLike_20 --json").status, 0);
  const CliResult unknown = run_cli("analyze ResNet51");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err.rfind("dnnexplorer: error: unknown model 'ResNet51' (did you mean "
                              "'resnet50', 'resnet18' or 'resnet34'?)",
                              0),
            0u)
      << unknown.err;
}

TEST(AnalyzeCli, ModelsJsonListsTheZoo) {
  const CliResult r = run_cli("models --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j["models"].is_array());
  EXPECT_EQ(j["models"][0], (nlohmann::json{{"name", "alexnet"},
                                            {"input", {3, 224, 224}},
                                            {"description", "AlexNet (torchvision), 5 conv + 3 FC"}}));
  EXPECT_EQ(j["models"].back()["name"], "vgglike_N");
  // The text list has one line per entry, in the same order.
  const CliResult text = run_cli("models");
  EXPECT_EQ(static_cast<size_t>(std::count(text.out.begin(), text.out.end(), '\n')),
            j["models"].size());
  EXPECT_EQ(text.out.rfind("alexnet  (3x224x224)  AlexNet (torchvision), 5 conv + 3 FC\n", 0), 0u);
  EXPECT_EQ(run_cli("analyze --list --json").out, r.out);
}

TEST(AnalyzeCli, TableShowsTotals) {
  const CliResult r = run_cli("analyze resnet18");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("layer1.0.conv1"), std::string::npos);
  EXPECT_NE(r.out.find("total MACs"), std::string::npos);
}

TEST(AnalyzeCli, UnknownModelSuggestsAndExitsTwo) {
  const CliResult r = run_cli("analyze resnet51");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("unknown model 'resnet51'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("resnet50"), std::string::npos) << r.err;
}

TEST(AnalyzeCli, MalformedInputSaysTheExpectedForm) {
  const CliResult r = run_cli("analyze vgg16 --input 224x224");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "dnnexplorer: error: --input '224x224': expected CxHxW with positive "
                   "integers, e.g. 3x224x224\n");
}

TEST(AnalyzeCli, MistypedFlagSuggestsTheRealOne) {
  const CliResult r = run_cli("analyze vgg16 --jsno");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown option '--jsno' (did you mean '--json'?)"), std::string::npos)
      << r.err;
}

TEST(AnalyzeCli, BadPrecisionIsRejected) {
  const CliResult r = run_cli("analyze vgg16 --precision 4");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--precision 4: expected 16 or 8"), std::string::npos) << r.err;
}

TEST(ModelsCli, ListsTheZoo) {
  const CliResult r = run_cli("models");
  ASSERT_EQ(r.status, 0);
  for (const char* name : {"alexnet", "zfnet", "vgg16", "vgg19", "vgglike_N", "resnet18",
                           "resnet34", "resnet50", "mobilenet_v1", "mobilenet_v2",
                           "squeezenet1_1", "yolov2_tiny"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
}


TEST(Cli, UnknownCommandSuggestsNearest) {
  const CliResult r = run_cli("analyse vgg16");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown command 'analyse' (did you mean 'analyze'?)"), std::string::npos)
      << r.err;
}

TEST(AnalyzeCli, BatchOnAZooNetworkIsAnError) {
  const CliResult r = run_cli("analyze vgg16 --batch 4");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "dnnexplorer: error: --batch 4: vgg16 has no symbolic batch dimension "
                   "(--batch applies to ONNX files; the accelerator's batch is part of the "
                   "design)\n");
}

TEST(Cli, NonNumericValueNamesTheFlag) {
  const CliResult r = run_cli("analyze vgg16 --precision abc");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "dnnexplorer: error: --precision 'abc': not a valid number for this option; "
                   "--help lists the options\n");
}
}  // namespace
}  // namespace dnne
