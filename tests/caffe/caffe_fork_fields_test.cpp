// Parameter blocks of Caffe forks (not in BVLC's caffe.proto) under --allow-unknown.
#include "importers/caffe_fork_fields.h"

#include "caffe_test_util.h"

namespace dnne {
namespace {
using caffe_test::header;
using caffe_test::import_error;
using caffe_test::import_ok;
using caffe_test::layer_named;

TEST(CaffeForkFields, BlanksABlockKeepingNewlines) {
  std::string text = "a {\n  permute_param {\n    order: 0 # }\n    s: \"}\"\n  }\n  b: 1\n}\n";
  // protobuf reports the unknown field just past its name: line 2, column 17 (the '{').
  ASSERT_TRUE(blank_unknown_field(text, 2, 17, "permute_param"));
  // Each blanked line keeps its length: the '}' in the comment and in the string do not end
  // the block early.
  const std::string blank = std::string(17, ' ') + "\n" + std::string(16, ' ') + "\n" +
                            std::string(10, ' ') + "\n" + std::string(3, ' ') + "\n";
  EXPECT_EQ(text, "a {\n" + blank + "  b: 1\n}\n");
}

TEST(CaffeForkFields, BlanksAScalar) {
  std::string text = "layer { extra: 3}\n";
  ASSERT_TRUE(blank_unknown_field(text, 1, 14, "extra"));
  EXPECT_EQ(text, "layer {         }\n");
}

TEST(CaffeForkFields, RefusesWhenTheNameIsNotThere) {
  std::string text = "layer { other: 3 }\n";
  EXPECT_FALSE(blank_unknown_field(text, 1, 14, "extra"));
  EXPECT_EQ(text, "layer { other: 3 }\n");
}

// SSD's Permute carries a permute_param that BVLC's caffe.proto lacks.
const char kPermute[] = R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 1 } }
layer { name: "perm" type: "Permute" bottom: "conv" top: "perm"
        permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "flat" type: "Flatten" bottom: "perm" top: "flat" }
)";

TEST(CaffeForkFields, AreAParseErrorByDefault) {
  EXPECT_EQ(import_error(header(3, 4, 4) + kPermute),
            "test.prototxt:10:23: Message type \"caffe.LayerParameter\" has no field named "
            "\"permute_param\" (did you mean 'parameter_param'?)");
}

TEST(CaffeForkFields, AreSkippedOnUnknownLayersWithAllowUnknown) {
  const Network net = import_ok(header(3, 4, 4) + kPermute, {.allow_unknown = true});
  const Layer& perm = layer_named(net, "perm");
  EXPECT_EQ(perm.kind, LayerKind::kUnknown);
  EXPECT_EQ(perm.op, "Permute");
  EXPECT_EQ(layer_named(net, "flat").output, (Shape{4 * 4 * 4}));
}

TEST(CaffeForkFields, StayAnErrorOnLayersWeMap) {
  EXPECT_EQ(import_error(header(3, 4, 4) + R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 1 }
        quantization_param { bits: 8 } }
)",
                         {.allow_unknown = true}),
            "test.prototxt:9: layer conv: field 'quantization_param' is not in BVLC's "
            "caffe.proto, and a Convolution layer cannot ignore it");
}

TEST(CaffeForkFields, UnknownFieldsInsideKnownBlocksStayErrors) {
  EXPECT_EQ(import_error(header(3, 4, 4) + R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 1 bits: 8 } }
)",
                         {.allow_unknown = true}),
            "test.prototxt:8:62: Message type \"caffe.ConvolutionParameter\" has no field named "
            "\"bits\"");
}

}  // namespace
}  // namespace dnne
