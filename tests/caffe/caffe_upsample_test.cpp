// darknet2caffe's Upsample layer, whose upsample_param BVLC's caffe.proto lacks
// (importers/caffe_fork_params.h): read with or without --allow-unknown, refused when its
// block has a field the fork does not define or sits on another layer type.
#include "caffe_test_util.h"

namespace dnne {
namespace {
using caffe_test::header;
using caffe_test::import_error;
using caffe_test::import_ok;
using caffe_test::layer_named;

std::string upsample(const std::string& type, const std::string& param_block) {
  return header(4, 13, 13) + "layer { name: \"up\" type: \"" + type +
         "\" bottom: \"data\" top: \"up\"\n  " + param_block + " }\n" +
         R"(layer { name: "conv" type: "Convolution" bottom: "up" top: "conv"
        convolution_param { num_output: 2 kernel_size: 1 } }
)";
}

TEST(CaffeUpsample, ScaleRepeatsEachPixel) {
  for (const bool allow_unknown : {false, true}) {
    const Network net = import_ok(upsample("Upsample", "upsample_param { scale: 2 }"),
                                  {.allow_unknown = allow_unknown});
    const Layer& up = layer_named(net, "up");
    EXPECT_EQ(up.kind, LayerKind::kResample);
    EXPECT_EQ(up.op, "Upsample");
    EXPECT_EQ(up.output, (Shape{4, 26, 26}));
    // The consumer sees the upsampled map: 2 x 26 x 26 outputs of a 1x1 over 4 channels.
    EXPECT_EQ(layer_named(net, "conv").output, (Shape{2, 26, 26}));
  }
}

TEST(CaffeUpsample, WithoutItsBlockTheForksDefaultScaleOne) {
  const Network net = import_ok(upsample("Upsample", ""));
  EXPECT_EQ(layer_named(net, "up").output, (Shape{4, 13, 13}));
}

TEST(CaffeUpsample, AFieldTheForkLacksIsAnErrorNamingIt) {
  const std::string message =
      import_error(upsample("Upsample", "upsample_param { scale: 2 stride: 2 }"));
  EXPECT_NE(message.find("test.prototxt:"), std::string::npos) << message;
  EXPECT_NE(message.find("layer up: upsample_param"), std::string::npos) << message;
  EXPECT_NE(message.find("\"stride\""), std::string::npos) << message;
}

TEST(CaffeUpsample, ScaleOutOfRangeIsAnError) {
  for (const char* scale : {"0", "-2", "2000000"}) {
    const std::string message =
        import_error(upsample("Upsample", std::string("upsample_param { scale: ") + scale + " }"));
    EXPECT_NE(message.find("upsample_param.scale " + std::string(scale) + " is outside [1, "),
              std::string::npos)
        << message;
  }
}

TEST(CaffeUpsample, SegNetsTwoBottomUnpoolingIsRefused) {
  const std::string text = header(4, 13, 13) + R"(
layer { name: "up" type: "Upsample" bottom: "data" bottom: "data" top: "up"
        upsample_param { scale: 2 } }
)";
  EXPECT_NE(import_error(text).find("two bottom blobs"), std::string::npos);
}

TEST(CaffeUpsample, ItsBlockOnAnotherLayerTypeIsAnUnknownField) {
  // On a layer we map, the block would change its meaning: refused even with --allow-unknown.
  const std::string on_pooling =
      header(4, 13, 13) + R"(layer { name: "up" type: "Pooling" bottom: "data" top: "up"
  pooling_param { pool: MAX kernel_size: 2 stride: 2 } upsample_param { scale: 2 } }
)";
  EXPECT_NE(import_error(on_pooling).find("only Upsample layers read it"), std::string::npos);
  EXPECT_NE(import_error(on_pooling, {.allow_unknown = true}).find("cannot ignore it"),
            std::string::npos);
  // On a layer type we do not know, --allow-unknown imports it as unknown (shape kept).
  const std::string on_unknown = upsample("MyUpsample", "upsample_param { scale: 2 }");
  EXPECT_NE(import_error(on_unknown).find("only Upsample layers read it"), std::string::npos);
  const Network net = import_ok(on_unknown, {.allow_unknown = true});
  EXPECT_EQ(layer_named(net, "up").kind, LayerKind::kUnknown);
  EXPECT_EQ(layer_named(net, "up").output, (Shape{4, 13, 13}));
}

}  // namespace
}  // namespace dnne
