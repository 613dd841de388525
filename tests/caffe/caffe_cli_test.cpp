// `dnnexplorer analyze FILE.prototxt` end to end: JSON totals, --input, --allow-unknown, and
// the exact one-line error (exit status 2) for each kind of bad file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

#define CAFFE_FIXTURES DNNE_SOURCE_DIR "/tests/fixtures/caffe/"

TEST(CaffeCli, Vgg16Json) {
  const CliResult r = run_cli("analyze " CAFFE_FIXTURES "vgg16.prototxt --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "VGG_ILSVRC_16_layers");
  EXPECT_EQ(j["input"], (std::vector<int>{3, 224, 224}));
  EXPECT_EQ(j["totals"]["conv_macs"], 15'346'630'656);
  EXPECT_EQ(j["totals"]["fc_macs"], 123'633'664);
  EXPECT_EQ(j["totals"]["params"], 138'357'544);
  const auto& conv = j["layers"][1];
  EXPECT_EQ(conv["name"], "conv1_1");
  EXPECT_EQ(conv["kind"], "conv");
  EXPECT_EQ(conv["op"], "Convolution");
  EXPECT_EQ(conv["fused"], std::vector<std::string>{"ReLU"});
  EXPECT_EQ(conv["output"], (std::vector<int>{64, 224, 224}));
  EXPECT_EQ(conv["macs"], 64 * 224 * 224 * 3 * 9);
  EXPECT_TRUE(j["unknown_ops"].empty());
}

TEST(CaffeCli, InputOverride) {
  // AlexNet at 3x259x259: conv1 (259 - 11) / 4 + 1 = 63, 96 * 63 * 63 * 363 MACs.
  const CliResult r =
      run_cli("analyze " CAFFE_FIXTURES "alexnet.prototxt --input 3x259x259 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"], (std::vector<int>{3, 259, 259}));
  EXPECT_EQ(j["layers"][1]["output"], (std::vector<int>{96, 63, 63}));
  EXPECT_EQ(j["layers"][1]["macs"], 96LL * 63 * 63 * 363);
}

TEST(CaffeCli, TableOfTheOpenCvSqueezeNet) {
  const CliResult r = run_cli("analyze " CAFFE_FIXTURES "SqueezeNet_deploy.prototxt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("model SqueezeNet, input 3x416x416, 16-bit,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("total MACs     2,932,294,688"), std::string::npos) << r.out;
}

TEST(CaffeCli, BenchOfTheVgg16PrototxtEqualsTheZoos) {
  // Same layers, names and counts as the zoo's vgg16 (Dropout, Flatten and the folded Softmax
  // are no stages), so the shipped VGG16 design must evaluate identically on it.
  const std::string design =
      " --device ku115 --design " DNNE_SOURCE_DIR "/examples/vgg16_ku115_hybrid.json --json";
  const CliResult caffe = run_cli("bench " CAFFE_FIXTURES "vgg16.prototxt" + design);
  const CliResult zoo = run_cli("bench vgg16" + design);
  ASSERT_EQ(caffe.status, 0) << caffe.err;
  ASSERT_EQ(zoo.status, 0) << zoo.err;
  auto from_caffe = nlohmann::json::parse(caffe.out);
  auto from_zoo = nlohmann::json::parse(zoo.out);
  EXPECT_EQ(from_caffe["model"], "VGG_ILSVRC_16_layers");
  from_caffe.erase("model");
  from_zoo.erase("model");
  EXPECT_EQ(from_caffe, from_zoo);
}

// Runs analyze on a file that must fail and returns its stderr.
std::string error_of(const std::string& args) {
  const CliResult r = run_cli("analyze " + args);
  EXPECT_EQ(r.status, 2) << args;
  EXPECT_EQ(r.out, "") << args;
  return r.err;
}

TEST(CaffeCli, MissingFile) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/nonexistent.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES "bad/nonexistent.prototxt: no such file\n");
}

TEST(CaffeCli, EmptyFile) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/empty.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES
            "bad/empty.prototxt: the file is empty, expected a Caffe prototxt\n");
}

TEST(CaffeCli, NotAPrototxt) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/not_a_net.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES
            "bad/not_a_net.prototxt:1:1: Expected identifier, got: {\n");
}

TEST(CaffeCli, BottomNeverProduced) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/missing_bottom.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES
            "bad/missing_bottom.prototxt:11: layer pool1: bottom blob 'conv_1' is not produced "
            "by any earlier layer or input (did you mean 'conv1'?)\n");
}

TEST(CaffeCli, NoInputShape) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/no_input_shape.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES
            "bad/no_input_shape.prototxt: input data has no shape: give input_shape { dim: N "
            "dim: C dim: H dim: W } or four input_dim, or pass --input CxHxW\n");
}

TEST(CaffeCli, NoInputShapeIsFixedByInputFlag) {
  const CliResult r =
      run_cli("analyze " CAFFE_FIXTURES "bad/no_input_shape.prototxt --input 3x32x32 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["totals"]["conv_macs"], 8 * 30 * 30 * 27);
}

TEST(CaffeCli, UnknownLayerType) {
  EXPECT_EQ(error_of(CAFFE_FIXTURES "bad/unknown_type.prototxt"),
            "dnnexplorer: error: " CAFFE_FIXTURES
            "bad/unknown_type.prototxt:15: layer shuffle1: unknown layer type 'ShuffleChannel'; "
            "pass --allow-unknown to import it as a zero-cost layer\n");
}

TEST(CaffeCli, AllowUnknownListsTheLayer) {
  const CliResult r =
      run_cli("analyze " CAFFE_FIXTURES "bad/unknown_type.prototxt --allow-unknown --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["unknown_ops"].size(), 1u);
  EXPECT_EQ(j["unknown_ops"][0]["name"], "shuffle1");
  EXPECT_EQ(j["unknown_ops"][0]["op"], "ShuffleChannel");
  // conv1 8 * 32 * 32 * 27 and conv2 8 * 32 * 32 * 8; the unknown layer adds nothing.
  EXPECT_EQ(j["totals"]["conv_macs"], 8 * 32 * 32 * 27 + 8 * 32 * 32 * 8);

  const CliResult table =
      run_cli("analyze " CAFFE_FIXTURES "bad/unknown_type.prototxt --allow-unknown");
  EXPECT_NE(table.out.find("unknown ops    1 layer(s) costed as zero: shuffle1 (ShuffleChannel)"),
            std::string::npos)
      << table.out;
}

}  // namespace
}  // namespace dnne
