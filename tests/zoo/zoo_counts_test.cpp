// Zoo networks against independent counts. VGG16 and ResNet50 figures are PyTorch forward-hook
// counts on torchvision's models at 1x3x224x224 (issue "Foundation").
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace dnne
