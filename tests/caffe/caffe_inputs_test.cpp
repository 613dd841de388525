// The three ways a deploy prototxt declares its input, and --input.
#include "caffe_test_util.h"

namespace dnne {
namespace {
using caffe_test::header;
using caffe_test::import_error;
using caffe_test::import_ok;
using caffe_test::layer_named;

// 8 filters of 3x3 over 3 channels, no padding.
const char kConv[] = R"(
layer {
  name: "conv"
  type: "Convolution"
  bottom: "data"
  top: "conv"
  convolution_param { num_output: 8 kernel_size: 3 }
}
)";

// 32x32 input: output 30x30, MACs = 8 * 30 * 30 * 3 * 9 = 194,400.
constexpr int64_t kConvMacs32 = 194'400;

TEST(CaffeInputs, InputDimDropsTheBatch) {
  const Network net = import_ok(
      "input: \"data\"\ninput_dim: 10\ninput_dim: 3\ninput_dim: 32\n"
      "input_dim: 32\n" +
      std::string(kConv));
  EXPECT_EQ(net.input_shape(), (Shape{3, 32, 32}));
  EXPECT_EQ(layer_named(net, "conv").output, (Shape{8, 30, 30}));
  EXPECT_EQ(net.totals().macs, kConvMacs32);
}

TEST(CaffeInputs, InputShape) {
  const Network net = import_ok("input: \"data\"\ninput_shape { dim: 1 dim: 3 dim: 32 dim: 32 }\n" +
                                std::string(kConv));
  EXPECT_EQ(net.input_shape(), (Shape{3, 32, 32}));
  EXPECT_EQ(net.totals().macs, kConvMacs32);
}

TEST(CaffeInputs, InputLayer) {
  const Network net = import_ok(R"(
layer {
  name: "data"
  type: "Input"
  top: "data"
  input_param { shape: { dim: 1 dim: 3 dim: 32 dim: 32 } }
})" + std::string(kConv));
  EXPECT_EQ(net.input_shape(), (Shape{3, 32, 32}));
  EXPECT_EQ(net.layer(net.inputs()[0]).name, "data");
  EXPECT_EQ(net.totals().macs, kConvMacs32);
}

TEST(CaffeInputs, InputLayerWithTwoTopsSharesOneShape) {
  const Network net = import_ok(R"(
layer {
  name: "in"
  type: "Input"
  top: "a"
  top: "b"
  input_param { shape: { dim: 1 dim: 4 dim: 6 dim: 6 } }
}
layer { name: "sum" type: "Eltwise" bottom: "a" bottom: "b" top: "sum" }
)");
  ASSERT_EQ(net.inputs().size(), 2u);
  EXPECT_EQ(net.layer(net.inputs()[1]).name, "b");
  EXPECT_EQ(layer_named(net, "sum").output, (Shape{4, 6, 6}));
}

TEST(CaffeInputs, OverrideReplacesTheFileShape) {
  // --input 3x64x64: output 62x62, MACs = 8 * 62 * 62 * 27 = 830,304.
  const Network net = import_ok(header(3, 32, 32) + kConv, {.input = Shape{3, 64, 64}});
  EXPECT_EQ(net.input_shape(), (Shape{3, 64, 64}));
  EXPECT_EQ(net.totals().macs, 830'304);
}

TEST(CaffeInputs, OverrideSuppliesAMissingShape) {
  const Network net =
      import_ok("input: \"data\"\n" + std::string(kConv), {.input = Shape{3, 32, 32}});
  EXPECT_EQ(net.totals().macs, kConvMacs32);
}

TEST(CaffeInputs, MissingShapeIsAnError) {
  EXPECT_EQ(import_error("input: \"data\"\n" + std::string(kConv)),
            "test.prototxt: input data has no shape: give input_shape { dim: N dim: C dim: H "
            "dim: W } or four input_dim, or pass --input CxHxW");
}

TEST(CaffeInputs, InputLayerWithoutShapeIsAnError) {
  EXPECT_EQ(
      import_error("layer { name: \"data\" type: \"Input\" top: \"data\" }\n" + std::string(kConv)),
      "test.prototxt:1: layer data: input_param has no shape for top 'data': give "
      "input_param { shape { dim: N dim: C dim: H dim: W } }, or pass --input CxHxW");
}

TEST(CaffeInputs, NoInputAtAllIsAnError) {
  EXPECT_EQ(import_error(kConv),
            "test.prototxt: no input shape: declare `input` with input_shape or input_dim, or an "
            "Input layer with input_param { shape { ... } }");
}

TEST(CaffeInputs, InputDimNeedsFourNumbersPerInput) {
  EXPECT_EQ(import_error("input: \"data\"\ninput_dim: 3\ninput_dim: 32\ninput_dim: 32\n" +
                         std::string(kConv)),
            "test.prototxt: 1 input(s) but 3 input_dim values: give four (N, C, H, W) per input");
}

TEST(CaffeInputs, NonPositiveDimensionIsAnError) {
  EXPECT_EQ(import_error("input: \"data\"\ninput_shape { dim: 1 dim: 3 dim: 0 dim: 32 }\n" +
                         std::string(kConv)),
            "test.prototxt: input data: shape 1x3x0x32 has a dimension < 1");
}

}  // namespace
}  // namespace dnne
