#include "graph/fold_fused.h"

#include <gtest/gtest.h>

#include "graph/network_builder.h"

namespace dnne {
namespace {

TEST(FoldFused, FoldsBatchNormAndReluIntoTheConv) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {3, 4, 4});
  LayerId c = b.conv("c", x, {.out_channels = 2, .kernel_h = 1, .kernel_w = 1, .bias = false});
  LayerId bn = b.fused("bn", "BatchNormalization", c);
  LayerId r = b.fused("relu", "Relu", bn);
  b.pool("p", r, {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
  const Network net = fold_fused_layers(b.build());
  ASSERT_EQ(net.size(), 3u);
  const Layer& conv = net.layer(1);
  EXPECT_EQ(conv.fused_ops, (std::vector<std::string>{"BatchNormalization", "Relu"}));
  EXPECT_EQ(conv.params, 2 * 3 + 2);  // BN's shift became the bias
  EXPECT_EQ(conv.other_ops, 2 * 16 * (1 + 2 + 1));  // bias, BN (2), ReLU
  EXPECT_EQ(net.layer(2).inputs, (std::vector<LayerId>{1}));
}

TEST(FoldFused, KeepsAnActivationWhoseProducerHasOtherConsumers) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {2, 4, 4});
  LayerId c = b.conv("c", x, {.out_channels = 2, .kernel_h = 1, .kernel_w = 1});
  LayerId r = b.fused("relu", "Relu", c);
  b.eltwise("add", "Add", {r, c});
  const Network net = fold_fused_layers(b.build());
  EXPECT_EQ(net.size(), 4u);
  EXPECT_EQ(net.layer(2).kind, LayerKind::kFused);
}

}  // namespace
}  // namespace dnne
