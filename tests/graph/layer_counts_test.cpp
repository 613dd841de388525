#include <gtest/gtest.h>

#include "graph/layer_traffic.h"
#include "graph/network_builder.h"
#include "util/expected.h"

namespace dnne {
namespace {

TEST(LayerCounts, ConvMacsAndParamsByHand) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {3, 8, 8});
  b.conv("c", x, {.out_channels = 4, .kernel_h = 3, .kernel_w = 3, .pad_top = 1, .pad_left = 1,
                  .pad_bottom = 1, .pad_right = 1}, {"Relu"});
  const Network net = b.build();
  const Layer& c = net.layer(1);
  EXPECT_EQ(c.macs, 4 * 8 * 8 * 3 * 9);           // M R Q C Kh Kw
  EXPECT_EQ(c.params, 4 * 3 * 9 + 4);             // weights + bias
  EXPECT_EQ(c.other_ops, 4 * 8 * 8 * 2);          // bias add + ReLU per output
  // 16-bit: in 3*64*2, out 4*64*2, weights 112*2 bytes.
  const LayerTraffic t = layer_traffic(net, c, 16);
  EXPECT_EQ(t.input_bytes, 384);
  EXPECT_EQ(t.output_bytes, 512);
  EXPECT_EQ(t.weight_bytes, 224);
  EXPECT_DOUBLE_EQ(t.ctc, static_cast<double>(2 * 6912 + 512) / (384 + 512 + 224));
}

// 64 x 1e6 x 1e6 outputs x 64 channels x 9 is 3.7e16 MACs > 2^53: once wrapped negative.
TEST(LayerCounts, CountsPast2To53AreAnInputError) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {64, 1000000, 1000000});
  b.conv("big", x, {.out_channels = 64, .kernel_h = 3, .kernel_w = 3, .pad_top = 1,
                    .pad_left = 1, .pad_bottom = 1, .pad_right = 1});
  try {
    b.build();
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "layer big: MACs exceed 2^53 (output 64x1000000x1000000); the input is too "
                 "large to cost");
  }
}

TEST(LayerCounts, GroupedAndTransposedConv) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {8, 4, 4});
  b.conv("g", x, {.out_channels = 8, .kernel_h = 3, .kernel_w = 3, .pad_top = 1, .pad_left = 1,
                  .pad_bottom = 1, .pad_right = 1, .groups = 4, .bias = false});
  b.conv("t", x, {.out_channels = 2, .kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2,
                  .transposed = true, .bias = false});
  const Network net = b.build();
  EXPECT_EQ(net.layer(1).macs, 8 * 16 * 2 * 9);  // each output sees C/g = 2 channels
  EXPECT_EQ(net.layer(1).params, 8 * 2 * 9);
  EXPECT_EQ(net.layer(2).output, (Shape{2, 8, 8}));
  EXPECT_EQ(net.layer(2).macs, 8 * 16 * 2 * 4);  // each input pixel scattered over M*K*K
}

TEST(LayerCounts, DenseProducts) {
  NetworkBuilder b("t");
  LayerId seq = b.input("tokens", {197, 768});
  LayerId q = b.fc("q", seq, {.out_features = 64});
  LayerId k = b.shape_op("kt", "Transpose", {b.fc("k", seq, {.out_features = 64})}, {64, 197});
  b.matmul("qk", q, k);
  const Network net = b.build();
  EXPECT_EQ(net.layer(q).macs, 197 * 768 * 64);
  EXPECT_EQ(net.layer(q).params, 768 * 64 + 64);
  EXPECT_EQ(net.layers().back().macs, 197 * 197 * 64);
  EXPECT_EQ(net.totals().fc_macs, 2 * 197 * 768 * 64 + 197 * 197 * 64);
  EXPECT_EQ(net.totals().conv_macs, 0);
}

TEST(LayerCounts, PoolEltwiseAndShapeOps) {
  NetworkBuilder b("t");
  LayerId x = b.input("in", {2, 4, 4});
  LayerId p = b.pool("p", x, {.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2});
  LayerId g = b.pool("gap", x, {.mode = PoolMode::kAverage, .global = true});
  LayerId s = b.eltwise("mul", "Mul", {x, g});
  b.flatten("flat", p);
  const Network net = b.build();
  EXPECT_EQ(net.layer(p).other_ops, 2 * 2 * 2 * 4);
  EXPECT_EQ(net.layer(g).other_ops, 2 * 4 * 4);
  EXPECT_EQ(net.layer(s).other_ops, 2 * 4 * 4);
  EXPECT_EQ(net.layers().back().output, (Shape{8}));
  EXPECT_EQ(net.totals().macs, 0);
}

TEST(NetworkBuilderErrors, DuplicateNamesAreRejected) {
  NetworkBuilder b("t");
  b.input("x", {1, 2, 2});
  EXPECT_THROW(b.input("x", {1, 2, 2}), InputError);
}

}  // namespace
}  // namespace dnne
