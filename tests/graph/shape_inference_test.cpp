#include "graph/shape_inference.h"

#include <gtest/gtest.h>

#include "util/expected.h"

namespace dnne {
namespace {

TEST(ConvShape, StrideTwoOnOddSizeFloors) {
  // 7x7/2 pad 3 on 225: floor((225 + 6 - 7) / 2) + 1 = 113.
  EXPECT_EQ(conv_output_shape("c", {3, 225, 225},
                              {.out_channels = 64, .kernel_h = 7, .kernel_w = 7, .stride_h = 2,
                               .stride_w = 2, .pad_top = 3, .pad_left = 3, .pad_bottom = 3,
                               .pad_right = 3}),
            (Shape{64, 113, 113}));
}

TEST(ConvShape, DilationWidensTheWindow) {
  // 3x3 dilation 2 spans 5: 32 + 2*2 - 5 + 1 = 32.
  EXPECT_EQ(conv_output_shape("c", {16, 32, 32},
                              {.out_channels = 16, .kernel_h = 3, .kernel_w = 3, .pad_top = 2,
                               .pad_left = 2, .pad_bottom = 2, .pad_right = 2, .dilation_h = 2,
                               .dilation_w = 2}),
            (Shape{16, 32, 32}));
}

TEST(ConvShape, DepthwiseWithMultiplier) {
  EXPECT_EQ(conv_output_shape("dw", {32, 10, 10},
                              {.out_channels = 64, .kernel_h = 3, .kernel_w = 3, .pad_top = 1,
                               .pad_left = 1, .pad_bottom = 1, .pad_right = 1, .groups = 32}),
            (Shape{64, 10, 10}));
}

TEST(ConvShape, AsymmetricPadsAndRectangularKernel) {
  EXPECT_EQ(conv_output_shape("c", {8, 10, 12},
                              {.out_channels = 4, .kernel_h = 1, .kernel_w = 3, .pad_left = 0,
                               .pad_right = 2}),
            (Shape{4, 10, 12}));
}

TEST(ConvShape, TransposedDoublesWithOutputPadding) {
  // (7-1)*2 - 1 - 1 + (3-1) + 1 + 1 = 14
  EXPECT_EQ(conv_output_shape("up", {16, 7, 7},
                              {.out_channels = 8, .kernel_h = 3, .kernel_w = 3, .stride_h = 2,
                               .stride_w = 2, .pad_top = 1, .pad_left = 1, .pad_bottom = 1,
                               .pad_right = 1, .transposed = true, .output_pad_h = 1,
                               .output_pad_w = 1}),
            (Shape{8, 14, 14}));
}

TEST(ConvShape, GroupsMustDivideChannels) {
  try {
    conv_output_shape("conv3", {64, 8, 8}, {.out_channels = 64, .kernel_h = 3, .kernel_w = 3, .groups = 3});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "layer conv3: groups 3 does not divide 64 input channels");
  }
}

TEST(PoolShape, CeilModeRoundsUp) {
  // 3x3/2 on 112: floor -> 55, ceil -> 56 (SqueezeNet's pools).
  PoolAttrs pool{.kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2};
  EXPECT_EQ(pool_output_shape("p", {64, 112, 112}, pool), (Shape{64, 55, 55}));
  pool.ceil_mode = true;
  EXPECT_EQ(pool_output_shape("p", {64, 112, 112}, pool), (Shape{64, 56, 56}));
}

TEST(PoolShape, CeilModeDropsAWindowStartingInThePadding) {
  // 2x2/2 pad 1 on 4: ceil((4+2-2)/2)+1 = 3 windows start at -1, 1, 3; all inside input+pad.
  // 3x3/3 pad 1 on 5: ceil((5+2-3)/3)+1 = 3; the third starts at 6-1 = 5 >= 5 + 1? no: kept.
  // 2x2/2 pad 0 on 5 with ceil: ceil(3/2)+1 = 3; third window starts at 4 < 5: kept.
  PoolAttrs pool{.kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2, .ceil_mode = true};
  EXPECT_EQ(pool_output_shape("p", {1, 5, 5}, pool), (Shape{1, 3, 3}));
  // 1x1/2 pad 1 on 2 with ceil: ceil((2+2-1)/2)+1 = 3, but window 3 would start at 4-1 = 3,
  // past input + left pad (2 + 1): dropped -> 2 (PyTorch's rule).
  PoolAttrs edge{.kernel_h = 1, .kernel_w = 1, .stride_h = 2, .stride_w = 2, .pad_top = 1,
                 .pad_left = 1, .pad_bottom = 1, .pad_right = 1, .ceil_mode = true};
  EXPECT_EQ(window_output_size("p", "height", 2, 1, 2, 1, 1, 1, true), 2);
  EXPECT_EQ(pool_output_shape("p", {1, 2, 2}, edge), (Shape{1, 2, 2}));
}

TEST(PoolShape, GlobalPoolGivesOneByOne) {
  EXPECT_EQ(pool_output_shape("gap", {2048, 7, 7}, {.mode = PoolMode::kAverage, .global = true}),
            (Shape{2048, 1, 1}));
}

TEST(MatMulShape, BatchedAttentionProducts) {
  // Q [heads, T, d] x K^T [heads, d, T] -> [heads, T, T]
  EXPECT_EQ(matmul_output_shape("qk", {12, 197, 64}, {12, 64, 197}), (Shape{12, 197, 197}));
  EXPECT_EQ(matmul_output_shape("v", {768}, {768, 10}), (Shape{10}));
  EXPECT_EQ(matmul_output_shape("b", {4, 1, 3, 5}, {6, 5, 2}), (Shape{4, 6, 3, 2}));
  EXPECT_THROW(matmul_output_shape("bad", {3, 4}, {5, 6}), InputError);
}

TEST(BroadcastShape, SqueezeExciteScale) {
  EXPECT_EQ(broadcast_shape("mul", {{64, 28, 28}, {64, 1, 1}}), (Shape{64, 28, 28}));
  EXPECT_THROW(broadcast_shape("add", {{64, 28, 28}, {32, 28, 28}}), InputError);
}

TEST(ConcatShape, AddsAlongTheAxis) {
  EXPECT_EQ(concat_output_shape("cat", {{64, 55, 55}, {64, 55, 55}}, 0), (Shape{128, 55, 55}));
  EXPECT_THROW(concat_output_shape("cat", {{64, 55, 55}, {64, 54, 55}}, 0), InputError);
}

}  // namespace
}  // namespace dnne
