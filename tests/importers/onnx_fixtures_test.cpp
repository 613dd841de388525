// Validation against PyTorch's own counts: every fixture exported by
// scripts/make_onnx_fixtures.py must import with exactly the conv MACs and, within 1 %, the
// dense-product MACs that PyTorch counted (tests/fixtures/onnx/expected_counts.json records
// how): by module forward hooks, and by every ATen convolution and matrix product of the
// same forward pass. The two agree except where a model calls F.linear or matmul outside
// any hooked module (Swin); there the ATen count, which sees every product, is the truth.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "importers/model_loader.h"

namespace dnne {
namespace {

const std::string kDir = DNNE_SOURCE_DIR "/tests/fixtures/onnx/";

nlohmann::json expected_counts() {
  std::ifstream in(kDir + "expected_counts.json");
  return nlohmann::json::parse(in);
}

TEST(OnnxFixtures, MacsMatchPyTorchCounts) {
  const auto expected = expected_counts()["models"];
  ASSERT_GE(expected.size(), 5u);
  for (const auto& [name, counts] : expected.items()) {
    SCOPED_TRACE(name);
    auto net = load_model(kDir + name + ".onnx");
    ASSERT_TRUE(net.ok()) << net.error().message;
    EXPECT_EQ(net->totals().conv_macs, counts["conv_macs"].get<int64_t>());
    EXPECT_EQ(net->totals().conv_macs, counts["aten_conv_macs"].get<int64_t>());
    const auto fc = static_cast<double>(net->totals().fc_macs);
    const auto aten_fc = static_cast<double>(counts["aten_fc_macs"].get<int64_t>());
    EXPECT_LE(std::abs(fc - aten_fc), 0.01 * aten_fc);
    const auto hooks_fc = static_cast<double>(counts["fc_macs"].get<int64_t>());
    if (counts["hooks_see_every_product"].get<bool>()) {
      EXPECT_LE(std::abs(fc - hooks_fc), 0.01 * hooks_fc);
    }
    EXPECT_TRUE(net->unknown_layers().empty());
    std::vector<int64_t> input = counts["input"];
    EXPECT_EQ(net->input_shape(), Shape(input.begin() + 1, input.end()));
  }
}

TEST(OnnxFixtures, Resnet18Structure) {
  auto net = load_model(kDir + "resnet18.onnx");
  ASSERT_TRUE(net.ok()) << net.error().message;
  int convs = 0, adds = 0, fcs = 0;
  for (const Layer& l : net->layers()) {
    convs += l.kind == LayerKind::kConv;
    adds += l.kind == LayerKind::kEltwise;
    fcs += l.kind == LayerKind::kFc;
    // Every ReLU is folded into a conv or a residual add: none stands alone.
    EXPECT_NE(l.kind, LayerKind::kFused) << l.name;
  }
  EXPECT_EQ(convs, 20);  // 17 3x3/7x7 + 3 downsample 1x1
  EXPECT_EQ(adds, 8);
  EXPECT_EQ(fcs, 1);
  EXPECT_EQ(net->layers().back().output, (Shape{1000}));
}

TEST(OnnxFixtures, VitAttentionProductsAreMatmuls) {
  auto net = load_model(kDir + "vit_b_16.onnx");
  ASSERT_TRUE(net.ok()) << net.error().message;
  int matmuls = 0;
  for (const Layer& l : net->layers())
    if (l.kind == LayerKind::kMatMul) {
      ++matmuls;
      // Q*K^T: 12 heads x 197 x 197, K = 64; A*V: 12 x 197 x 64, K = 197.
      EXPECT_EQ(l.macs, int64_t{12} * 197 * 197 * 64) << l.name;
    }
  EXPECT_EQ(matmuls, 24);  // two per encoder layer
}

}  // namespace
}  // namespace dnne
