// Reading prototxt text: TextFormat errors with line:column, the legacy V1 form, bad files.
#include "caffe_test_util.h"

namespace dnne {
namespace {
using caffe_test::header;
using caffe_test::import_error;
using caffe_test::import_ok;
using caffe_test::layer_named;

TEST(CaffeParse, SyntaxErrorNamesLineAndColumn) {
  EXPECT_EQ(import_error("name: \"bad\"\nlayer {\n  name: \"c\"\n  type \"Convolution\"\n}\n"),
            "test.prototxt:4:8: Expected \":\", found \"\"Convolution\"\".");
}

TEST(CaffeParse, UnknownFieldSuggestsTheNearestOne) {
  EXPECT_EQ(
      import_error(header(3, 8, 8) + "layer {\n  name: \"c\"\n  type: \"Convolution\"\n"
                                     "  convolution_param { num_output: 4 kernal_size: 3 }\n}\n"),
      "test.prototxt:9:48: Message type \"caffe.ConvolutionParameter\" has no field named "
      "\"kernal_size\" (did you mean 'kernel_size'?)");
}

TEST(CaffeParse, UnknownEnumValueSuggestsTheNearestOne) {
  EXPECT_EQ(import_error(header(3, 8, 8) +
                         "layer { name: \"p\" type: \"Pooling\" bottom: \"data\" top: \"p\"\n"
                         "  pooling_param { pool: MAXX kernel_size: 2 } }\n"),
            "test.prototxt:7:30: Unknown enumeration value of \"MAXX\" for field \"pool\" (did "
            "you mean 'MAX'?)");
}

TEST(CaffeParse, UnknownV1TypeSuggestsTheNearestOne) {
  EXPECT_EQ(import_error(header(3, 8, 8) + "layers { name: \"c\" type: CONVOLUTON }\n"),
            "test.prototxt:6:37: Unknown enumeration value of \"CONVOLUTON\" for field \"type\" "
            "(did you mean 'CONVOLUTION' or 'DECONVOLUTION'?)");
}

TEST(CaffeParse, MessagesStayOnOneLine) {
  // An unterminated string: protobuf quotes the rest of the line; nothing may break the line.
  const std::string error = import_error("name: \"oops\nlayer {}\n");
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_EQ(error.rfind("test.prototxt:1:", 0), 0u) << error;
}

TEST(CaffeParse, EmptyText) {
  EXPECT_EQ(import_error(" \n\t\n"), "test.prototxt: the file is empty, expected a Caffe prototxt");
}

TEST(CaffeParse, OnlyCommentsHasNoLayers) {
  EXPECT_EQ(import_error("# nothing here\n"),
            "test.prototxt: no layers, expected a Caffe network (`layer { ... }` blocks)");
}

TEST(CaffeParse, BinaryData) {
  EXPECT_EQ(import_error(std::string("\x08\x01\x12\x00\x1a", 5)),
            "test.prototxt: binary data, not a text prototxt (a .caffemodel holds the weights; "
            "pass the deploy .prototxt)");
}

TEST(CaffeParse, SolverFileIsNotANet) {
  EXPECT_EQ(
      import_error("base_lr: 0.01\n"),
      "test.prototxt:1:8: Message type \"caffe.NetParameter\" has no field named \"base_lr\"");
}

// The same network in the current and the legacy V1 form.
const char kCurrent[] = R"(
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
        convolution_param { num_output: 8 kernel_size: 3 pad: 1 stride: 2 } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1"
        pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "fc" type: "InnerProduct" bottom: "pool1" top: "fc"
        inner_product_param { num_output: 10 } }
)";
const char kV1[] = R"(
layers { name: "conv1" type: CONVOLUTION bottom: "data" top: "conv1"
         convolution_param { num_output: 8 kernel_size: 3 pad: 1 stride: 2 } }
layers { name: "relu1" type: RELU bottom: "conv1" top: "conv1" }
layers { name: "pool1" type: POOLING bottom: "conv1" top: "pool1"
         pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layers { name: "fc" type: INNER_PRODUCT bottom: "pool1" top: "fc"
         inner_product_param { num_output: 10 } }
)";

TEST(CaffeParse, LegacyV1Layers) {
  // conv: (16 + 2 - 3) / 2 + 1 = 8, MACs 8 * 8 * 8 * 27 = 13,824; pool: 8x4x4 = 128 features;
  // fc: 128 * 10 = 1,280 MACs.
  const Network net = import_ok(header(3, 16, 16) + kV1);
  const Layer& conv1 = layer_named(net, "conv1");
  EXPECT_EQ(conv1.op, "Convolution");
  EXPECT_EQ(conv1.output, (Shape{8, 8, 8}));
  EXPECT_EQ(conv1.macs, 13'824);
  EXPECT_EQ(conv1.fused_ops, std::vector<std::string>{"ReLU"});
  EXPECT_EQ(layer_named(net, "pool1").output, (Shape{8, 4, 4}));
  EXPECT_EQ(layer_named(net, "fc").macs, 1'280);
}

TEST(CaffeParse, LegacyV1MatchesCurrentForm) {
  const Network v1 = import_ok(header(3, 16, 16) + kV1);
  const Network current = import_ok(header(3, 16, 16) + kCurrent);
  ASSERT_EQ(v1.size(), current.size());
  for (size_t i = 0; i < v1.size(); ++i) {
    const Layer& a = v1.layers()[i];
    const Layer& b = current.layers()[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.op, b.op);
    EXPECT_EQ(a.output, b.output) << a.name;
    EXPECT_EQ(a.macs, b.macs) << a.name;
    EXPECT_EQ(a.params, b.params) << a.name;
  }
}

TEST(CaffeParse, LegacyV1ErrorsNameTheLine) {
  EXPECT_EQ(import_error(header(3, 16, 16) + "layers { name: \"x\" type: SOFTMAX_LOSS "
                                             "bottom: \"data\" top: \"x\" }\n"),
            "test.prototxt:6: layer x: unknown layer type 'SoftmaxWithLoss'; pass "
            "--allow-unknown to import it as a zero-cost layer");
}

TEST(CaffeParse, MixedFormsAreAnError) {
  EXPECT_EQ(import_error(header(3, 16, 16) + kCurrent + kV1),
            "test.prototxt: mixes `layer` blocks with legacy V1 `layers` blocks; use one form");
}

TEST(CaffeParse, V0FormIsRejected) {
  EXPECT_EQ(import_error(header(3, 16, 16) +
                         "layers { layer { name: \"conv1\" type: \"conv\" num_output: 8 } }\n"),
            "test.prototxt:6: the V0 layer form (`layers { layer { ... } }`) is not "
            "supported; upgrade the file with Caffe's upgrade_net_proto_text");
}

TEST(CaffeParse, NetworkNameFromTheFileOrItsStem) {
  EXPECT_EQ(import_ok("name: \"tiny\"\n" + header(3, 4, 4) + kCurrent).name(), "tiny");
  EXPECT_EQ(import_ok(header(3, 4, 4) + kCurrent).name(), "test");
}

}  // namespace
}  // namespace dnne
