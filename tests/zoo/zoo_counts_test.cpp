// Zoo networks against independent counts. VGG16 and ResNet50 figures are PyTorch forward-hook
// counts on torchvision's models at 1x3x224x224 (issue "Foundation").
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "zoo/zoo.h"

namespace dnne {
namespace {

Network zoo(const std::string& name, std::optional<Shape> input = std::nullopt) {
  auto network = build_zoo_network(name, input);
  EXPECT_TRUE(network.ok()) << (network.ok() ? "" : network.error().message);
  return std::move(network).value();
}

TEST(ZooCounts, Vgg16MatchesPyTorchHooks) {
  const Network net = zoo("vgg16");
  EXPECT_EQ(net.totals().conv_macs, 15'346'630'656);
  EXPECT_EQ(net.totals().fc_macs, 123'633'664);
}

TEST(ZooCounts, ResNet50MatchesPyTorchHooks) {
  const Network net = zoo("resnet50");
  EXPECT_EQ(net.totals().conv_macs, 4'087'136'256);
  EXPECT_EQ(net.totals().fc_macs, 2'048'000);
}

TEST(ZooCounts, VggLike13IsVgg16) {
  const Network a = zoo("vgg16"), b = zoo("vgglike_13");
  EXPECT_EQ(a.totals().macs, b.totals().macs);
  EXPECT_EQ(a.totals().params, b.totals().params);
}

TEST(ZooCounts, Vgg16FirstFcGrowsWithInput) {
  // At 512x512 the last map is 512x16x16, so fc6 reads 131072 features.
  const Network net = zoo("vgg16", Shape{3, 512, 512});
  const Layer* fc6 = nullptr;
  for (const Layer& layer : net.layers())
    if (layer.name == "fc6") fc6 = &layer;
  ASSERT_NE(fc6, nullptr);
  EXPECT_EQ(fc6->macs, int64_t{512} * 16 * 16 * 4096);
}

TEST(ZooErrors, UnknownNameSuggestsNearest) {
  auto network = build_zoo_network("vgg15");
  ASSERT_FALSE(network.ok());
  EXPECT_NE(network.error().message.find("did you mean 'vgg16'"), std::string::npos)
      << network.error().message;
}

TEST(ZooErrors, VggLikeOutOfRange) {
  auto network = build_zoo_network("vgglike_12");
  ASSERT_FALSE(network.ok());
  EXPECT_EQ(network.error().message, "model 'vgglike_12': vgglike_N takes N from 13 to 64, got 12");
}

TEST(ZooErrors, InputTooSmallNamesTheLayer) {
  auto network = build_zoo_network("vgg16", Shape{3, 16, 16});
  ASSERT_FALSE(network.ok());
  EXPECT_NE(network.error().message.find("layer pool5"), std::string::npos)
      << network.error().message;
}



// Every zoo network at two input sizes against PyTorch forward-hook counts recorded by
// scripts/zoo_reference_counts.py (torchvision's definitions where torchvision has the
// network; MobileNet v1, ZFNet and YOLOv2-tiny written out from their papers / Darknet cfg in
// that script). Regenerate with /usr/bin/python3 scripts/zoo_reference_counts.py.
TEST(ZooCounts, EveryNetworkMatchesPyTorchHookCounts) {
  std::ifstream file(std::string(DNNE_SOURCE_DIR) + "/tests/fixtures/zoo_reference_counts.json");
  ASSERT_TRUE(file) << "missing tests/fixtures/zoo_reference_counts.json";
  const auto reference = nlohmann::json::parse(file);
  std::set<std::string> covered;
  for (const auto& entry : reference["counts"]) {
    const std::string name = entry["model"];
    const Shape input = entry["input"].get<Shape>();
    SCOPED_TRACE(name + " at " + to_string(input));
    const Network net = zoo(name, input);
    EXPECT_EQ(net.totals().conv_macs, entry["conv_macs"].get<int64_t>());
    EXPECT_EQ(net.totals().fc_macs, entry["fc_macs"].get<int64_t>());
    covered.insert(name);
  }
  for (const auto& e : zoo_entries())
    if (e.name != "vgglike_N") {
      EXPECT_TRUE(covered.count(e.name)) << e.name << " has no reference";
    }
}

// AlexNet at 224 by hand (M * R * Q * C/g * Kh * Kw per conv):
// conv1 64*55*55*3*121 + conv2 192*27*27*64*25 + conv3 384*13*13*192*9
// + conv4 256*13*13*384*9 + conv5 256*13*13*256*9; FC 9216*4096 + 4096*4096 + 4096*1000.
TEST(ZooCounts, AlexNetByHand) {
  const Network net = zoo("alexnet");
  EXPECT_EQ(net.totals().conv_macs, int64_t{70'276'800} + 223'948'800 + 112'140'288 +
                                        149'520'384 + 99'680'256);
  EXPECT_EQ(net.totals().fc_macs, int64_t{9216} * 4096 + 4096 * 4096 + 4096 * 1000);
}

// vgglike_38: blocks of 7, 7, 8, 8, 8 convs (remainder 3 to the last three blocks).
TEST(ZooCounts, VggLike38SpreadsConvsEvenly) {
  const Network net = zoo("vgglike_38");
  int convs = 0;
  int64_t conv_macs = 0;
  for (const Layer& layer : net.layers()) convs += layer.kind == LayerKind::kConv;
  EXPECT_EQ(convs, 38);
  // By hand: per block, first conv C_in->C_out then (n-1) C_out->C_out, at 224/112/56/28/14.
  const int64_t blocks[5][4] = {{7, 3, 64, 224}, {7, 64, 128, 112}, {8, 128, 256, 56},
                                {8, 256, 512, 28}, {8, 512, 512, 14}};
  for (const auto& b : blocks)
    conv_macs += b[3] * b[3] * 9 * b[2] * (b[1] + (b[0] - 1) * b[2]);
  EXPECT_EQ(net.totals().conv_macs, conv_macs);
}

}  // namespace
}  // namespace dnne
