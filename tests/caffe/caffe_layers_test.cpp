// Each Caffe layer type on small hand-derived cases.
#include "caffe_test_util.h"

namespace dnne {
namespace {
using caffe_test::header;
using caffe_test::import_error;
using caffe_test::import_ok;
using caffe_test::layer_named;

std::string pooling(const std::string& params) {
  return "layer { name: \"pool\" type: \"Pooling\" bottom: \"data\" top: \"pool\" "
         "pooling_param { " +
         params + " } }\n";
}

TEST(CaffeLayers, InPlaceReluFoldsIntoItsConv) {
  const Network net = import_ok(header(3, 8, 8) + R"(
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
        convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "conv2" type: "Convolution" bottom: "conv1" top: "conv2"
        convolution_param { num_output: 4 kernel_size: 1 } }
)");
  ASSERT_EQ(net.size(), 3u);  // data, conv1 (with its ReLU), conv2
  const Layer& conv1 = layer_named(net, "conv1");
  EXPECT_EQ(conv1.fused_ops, std::vector<std::string>{"ReLU"});
  EXPECT_EQ(layer_named(net, "conv2").inputs, std::vector<LayerId>{conv1.id});
}

TEST(CaffeLayers, InPlaceLayerBecomesTheBlobsLatestProducer) {
  // A ReLU on the input cannot fold (an input absorbs nothing), so it stays visible: conv
  // reads "data" after the in-place ReLU rewrote it, i.e. the ReLU layer.
  const Network net = import_ok(header(3, 8, 8) + R"(
layer { name: "relu0" type: "ReLU" bottom: "data" top: "data" }
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 3 } }
)");
  const Layer& relu = layer_named(net, "relu0");
  EXPECT_EQ(relu.kind, LayerKind::kFused);
  EXPECT_EQ(layer_named(net, "conv").inputs, std::vector<LayerId>{relu.id});
}

TEST(CaffeLayers, BatchNormAndScaleFoldAndGiveTheConvABias) {
  // 4 filters of 3x3x3 without bias; the folded BN shift becomes one: 4*27 + 4 params.
  const Network net = import_ok(header(3, 8, 8) + R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 3 bias_term: false } }
layer { name: "bn" type: "BatchNorm" bottom: "conv" top: "conv"
        batch_norm_param { use_global_stats: true } }
layer { name: "scale" type: "Scale" bottom: "conv" top: "conv" scale_param { bias_term: true } }
layer { name: "relu" type: "ReLU" bottom: "conv" top: "conv" }
)");
  ASSERT_EQ(net.size(), 2u);
  const Layer& conv = layer_named(net, "conv");
  EXPECT_EQ(conv.fused_ops, (std::vector<std::string>{"BatchNorm", "Scale", "ReLU"}));
  EXPECT_EQ(conv.params, 4 * 27 + 4);
}

TEST(CaffeLayers, PoolingRoundsUp) {
  // Caffe: ceil((6 - 3) / 2) + 1 = 3 (floor rounding would give 2).
  const Network net = import_ok(header(2, 6, 6) + pooling("pool: MAX kernel_size: 3 stride: 2"));
  EXPECT_EQ(layer_named(net, "pool").output, (Shape{2, 3, 3}));
}

TEST(CaffeLayers, PoolingDropsAWindowStartingInThePadding) {
  // ceil((5 + 2 - 2) / 2) + 1 = 4, but window 4 would start at 6 >= 5 + 1 (in the right
  // padding), so Caffe keeps 3.
  const Network net =
      import_ok(header(2, 5, 5) + pooling("pool: AVE kernel_size: 2 stride: 2 pad: 1"));
  const Layer& pool = layer_named(net, "pool");
  EXPECT_EQ(pool.output, (Shape{2, 3, 3}));
  EXPECT_EQ(pool.pool()->mode, PoolMode::kAverage);
}

TEST(CaffeLayers, PoolingWithSeparateHeightAndWidth) {
  // H: ceil((6 - 3) / 1) + 1 = 4; W: ceil((8 + 2 - 2) / 2) + 1 = 5.
  const Network net =
      import_ok(header(1, 6, 8) +
                pooling("kernel_h: 3 kernel_w: 2 stride_h: 1 stride_w: 2 pad_h: 0 pad_w: 1"));
  EXPECT_EQ(layer_named(net, "pool").output, (Shape{1, 4, 5}));
}

TEST(CaffeLayers, GlobalPooling) {
  const Network net = import_ok(header(16, 7, 5) + pooling("pool: AVE global_pooling: true"));
  const Layer& pool = layer_named(net, "pool");
  EXPECT_EQ(pool.output, (Shape{16, 1, 1}));
  EXPECT_TRUE(pool.pool()->global);
  EXPECT_EQ(pool.other_ops, 16 * 7 * 5);  // one add per input element
}

TEST(CaffeLayers, PoolingWithoutKernelIsAnError) {
  EXPECT_EQ(import_error(header(2, 6, 6) + pooling("pool: MAX stride: 2")),
            "test.prototxt:6: layer pool: pooling_param needs kernel_size (or kernel_h and "
            "kernel_w) unless global_pooling is true");
}

TEST(CaffeLayers, ConvolutionWithRectangularKernelStrideAndPad) {
  // H: (10 + 2 - 3) / 1 + 1 = 10; W: (12 + 4 - 5) / 2 + 1 = 6.
  // MACs = 4 * 10 * 6 * 2 * 15 = 7,200.
  const Network net = import_ok(header(2, 10, 12) + R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_h: 3 kernel_w: 5 pad_h: 1 pad_w: 2
                            stride_h: 1 stride_w: 2 } }
)");
  const Layer& conv = layer_named(net, "conv");
  EXPECT_EQ(conv.output, (Shape{4, 10, 6}));
  EXPECT_EQ(conv.macs, 7'200);
}

TEST(CaffeLayers, DilatedGroupedConvolution) {
  // Dilation 2 spans 5 pixels: (10 + 4 - 5) / 1 + 1 = 10. Groups 2: MACs = 6*10*10*(4/2)*9.
  const Network net = import_ok(header(4, 10, 10) + R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 6 kernel_size: 3 pad: 2 dilation: 2 group: 2 } }
)");
  const Layer& conv = layer_named(net, "conv");
  EXPECT_EQ(conv.output, (Shape{6, 10, 10}));
  EXPECT_EQ(conv.macs, 6 * 10 * 10 * 2 * 9);
  EXPECT_EQ(conv.params, 6 * 2 * 9 + 6);
}

TEST(CaffeLayers, ConvolutionWithoutKernelIsAnError) {
  EXPECT_EQ(import_error(header(3, 8, 8) + R"(layer { name: "conv" type: "Convolution"
  bottom: "data" top: "conv" convolution_param { num_output: 4 } })"),
            "test.prototxt:6: layer conv: convolution_param.kernel_size is missing");
}

TEST(CaffeLayers, Deconvolution) {
  // Caffe: out = stride * (in - 1) + kernel - 2 * pad = 2 * 4 + 4 - 2 = 10.
  // MACs = C * H * W * (M / g) * K^2 = 4 * 5 * 5 * 2 * 16 = 3,200; params 4*2*16 + 2.
  const Network net = import_ok(header(4, 5, 5) + R"(
layer { name: "up" type: "Deconvolution" bottom: "data" top: "up"
        convolution_param { num_output: 2 kernel_size: 4 stride: 2 pad: 1 } }
)");
  const Layer& up = layer_named(net, "up");
  EXPECT_EQ(up.op, "Deconvolution");
  EXPECT_TRUE(up.conv()->transposed);
  EXPECT_EQ(up.output, (Shape{2, 10, 10}));
  EXPECT_EQ(up.macs, 3'200);
  EXPECT_EQ(up.params, 130);
}

// Two branches off one conv, summed, then an in-place ReLU on the sum.
const char kTwoBranches[] = R"(
layer { name: "stem" type: "Convolution" bottom: "data" top: "stem"
        convolution_param { num_output: 4 kernel_size: 1 } }
layer { name: "a" type: "Convolution" bottom: "stem" top: "a"
        convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "b" type: "Convolution" bottom: "stem" top: "b"
        convolution_param { num_output: BRANCH_B_CHANNELS kernel_size: 1 } }
)";

std::string two_branches(int b_channels, const std::string& join) {
  std::string text = kTwoBranches;
  text.replace(text.find("BRANCH_B_CHANNELS"), 17, std::to_string(b_channels));
  return header(3, 8, 8) + text + join;
}

TEST(CaffeLayers, EltwiseSumOfTwoBranches) {
  const Network net = import_ok(two_branches(4, R"(
layer { name: "sum" type: "Eltwise" bottom: "a" bottom: "b" top: "sum" }
layer { name: "relu" type: "ReLU" bottom: "sum" top: "sum" }
)"));
  const Layer& sum = layer_named(net, "sum");
  EXPECT_EQ(sum.kind, LayerKind::kEltwise);
  EXPECT_EQ(sum.op, "Eltwise(SUM)");
  EXPECT_EQ(sum.inputs, (std::vector<LayerId>{layer_named(net, "a").id, layer_named(net, "b").id}));
  EXPECT_EQ(sum.output, (Shape{4, 8, 8}));
  EXPECT_EQ(sum.fused_ops, std::vector<std::string>{"ReLU"});
  // Both branches read the stem.
  EXPECT_EQ(net.consumers(layer_named(net, "stem").id).size(), 2u);
}

TEST(CaffeLayers, EltwiseProdAndMaxNameTheirOperation) {
  const Network net = import_ok(two_branches(4, R"(
layer { name: "prod" type: "Eltwise" bottom: "a" bottom: "b" top: "prod"
        eltwise_param { operation: PROD } }
layer { name: "max" type: "Eltwise" bottom: "a" bottom: "b" top: "max"
        eltwise_param { operation: MAX } }
)"));
  EXPECT_EQ(layer_named(net, "prod").op, "Eltwise(PROD)");
  EXPECT_EQ(layer_named(net, "max").op, "Eltwise(MAX)");
}

TEST(CaffeLayers, EltwiseOfDifferentShapesIsAnError) {
  EXPECT_EQ(import_error(two_branches(5, R"(
layer { name: "sum" type: "Eltwise" bottom: "a" bottom: "b" top: "sum" }
)")),
            "test.prototxt:14: layer sum: Eltwise inputs differ in shape: 4x8x8 and 5x8x8");
}

TEST(CaffeLayers, ConcatJoinsChannelsByDefault) {
  const Network net = import_ok(two_branches(5, R"(
layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" top: "cat" }
)"));
  const Layer& cat = layer_named(net, "cat");
  EXPECT_EQ(cat.output, (Shape{9, 8, 8}));
  EXPECT_EQ(cat.concat()->axis, 0);  // Caffe axis 1 is our (batch-free) axis 0
}

TEST(CaffeLayers, ConcatAlongHeight) {
  const Network net = import_ok(two_branches(4, R"(
layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" top: "cat" concat_param { axis: 2 } }
)"));
  EXPECT_EQ(layer_named(net, "cat").output, (Shape{4, 16, 8}));
}

TEST(CaffeLayers, ConcatAlongTheBatchIsAnError) {
  EXPECT_EQ(import_error(two_branches(4, R"(
layer { name: "cat" type: "Concat" bottom: "a" bottom: "b" top: "cat" concat_param { axis: 0 } }
)")),
            "test.prototxt:14: layer cat: concat_param.axis 0 is the batch axis; only per-frame "
            "axes are supported");
}

TEST(CaffeLayers, InnerProductFlattensFromAxisOne) {
  // 8x2x2 = 32 features into 10 outputs: 320 MACs, 330 params; the softmax folds in.
  const Network net = import_ok(header(8, 2, 2) + R"(
layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc"
        inner_product_param { num_output: 10 } }
layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
)");
  const Layer& flatten = layer_named(net, "fc/flatten");
  EXPECT_EQ(flatten.kind, LayerKind::kShape);
  EXPECT_EQ(flatten.output, (Shape{32}));
  const Layer& fc = layer_named(net, "fc");
  EXPECT_EQ(fc.output, (Shape{10}));
  EXPECT_EQ(fc.macs, 320);
  EXPECT_EQ(fc.params, 330);
  EXPECT_EQ(fc.fused_ops, std::vector<std::string>{"Softmax"});
  EXPECT_EQ(net.totals().fc_macs, 320);
}

TEST(CaffeLayers, InnerProductFromAxisTwoKeepsTheChannels) {
  // Caffe axis 2 on 1x8x2x2: 8 rows of 4 features each, 10 outputs: 8 * 4 * 10 MACs.
  const Network net = import_ok(header(8, 2, 2) + R"(
layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc"
        inner_product_param { num_output: 10 axis: 2 bias_term: false } }
)");
  const Layer& fc = layer_named(net, "fc");
  EXPECT_EQ(fc.output, (Shape{8, 10}));
  EXPECT_EQ(fc.macs, 320);
  EXPECT_EQ(fc.params, 40);
}

TEST(CaffeLayers, FlattenReshapeAndDropoutOnlyMoveShapes) {
  // Reshape {0, -1, 4} of 1x8x2x2: 0 copies the batch, -1 = 32 / 4 = 8.
  const Network net = import_ok(header(8, 2, 2) + R"(
layer { name: "drop" type: "Dropout" bottom: "data" top: "data" }
layer { name: "flat" type: "Flatten" bottom: "data" top: "flat" }
layer { name: "re" type: "Reshape" bottom: "data" top: "re"
        reshape_param { shape { dim: 0 dim: -1 dim: 4 } } }
)");
  EXPECT_EQ(layer_named(net, "drop").output, (Shape{8, 2, 2}));
  EXPECT_EQ(layer_named(net, "flat").output, (Shape{32}));
  EXPECT_EQ(layer_named(net, "re").output, (Shape{8, 4}));
  for (const char* name : {"drop", "flat", "re"}) {
    EXPECT_EQ(layer_named(net, name).kind, LayerKind::kShape) << name;
    EXPECT_EQ(layer_named(net, name).macs, 0) << name;
  }
  EXPECT_EQ(layer_named(net, "flat").inputs, std::vector<LayerId>{layer_named(net, "drop").id});
}

TEST(CaffeLayers, SliceAtPointsGivesOneLayerPerTop) {
  const Network net = import_ok(header(10, 4, 4) + R"(
layer { name: "slice" type: "Slice" bottom: "data" top: "a" top: "b" top: "c"
        slice_param { slice_point: 2 slice_point: 7 } }
layer { name: "sum" type: "Eltwise" bottom: "a" bottom: "a" top: "sum" }
)");
  EXPECT_EQ(layer_named(net, "slice/a").output, (Shape{2, 4, 4}));
  EXPECT_EQ(layer_named(net, "slice/b").output, (Shape{5, 4, 4}));
  EXPECT_EQ(layer_named(net, "slice/c").output, (Shape{3, 4, 4}));
  EXPECT_EQ(layer_named(net, "sum").inputs[0], layer_named(net, "slice/a").id);
}

TEST(CaffeLayers, SliceIntoEqualPartsAlongWidth) {
  const Network net = import_ok(header(2, 4, 6) + R"(
layer { name: "slice" type: "Slice" bottom: "data" top: "l" top: "r" slice_param { axis: 3 } }
)");
  EXPECT_EQ(layer_named(net, "slice/l").output, (Shape{2, 4, 3}));
  EXPECT_EQ(layer_named(net, "slice/r").output, (Shape{2, 4, 3}));
}

TEST(CaffeLayers, SlicePointOutsideTheAxisIsAnError) {
  EXPECT_EQ(import_error(header(4, 4, 4) + R"(
layer { name: "slice" type: "Slice" bottom: "data" top: "a" top: "b"
        slice_param { slice_point: 4 } }
)"),
            "test.prototxt:7: layer slice: slice_point 4 must increase and lie inside the axis "
            "of 4");
}

TEST(CaffeLayers, BottomNeverProducedIsAnError) {
  EXPECT_EQ(import_error(header(3, 8, 8) + R"(
layer { name: "pool" type: "Pooling" bottom: "dat" top: "pool"
        pooling_param { kernel_size: 2 stride: 2 } }
)"),
            "test.prototxt:7: layer pool: bottom blob 'dat' is not produced by any earlier "
            "layer or input (did you mean 'data'?)");
}

const char kUnknownLayer[] = R"(
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv"
        convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "shuffle" type: "ShuffleChannel" bottom: "conv" top: "shuffle" }
layer { name: "pool" type: "Pooling" bottom: "shuffle" top: "pool"
        pooling_param { pool: AVE global_pooling: true } }
)";

TEST(CaffeLayers, UnknownTypeIsAnErrorNamingLayerAndType) {
  EXPECT_EQ(import_error(header(3, 8, 8) + kUnknownLayer),
            "test.prototxt:9: layer shuffle: unknown layer type 'ShuffleChannel'; pass "
            "--allow-unknown to import it as a zero-cost layer");
}

TEST(CaffeLayers, UnknownTypeSuggestsTheNearestKnownOne) {
  EXPECT_EQ(
      import_error(header(3, 8, 8) +
                   "layer { name: \"pool\" type: \"Poolng\" bottom: \"data\" top: \"pool\" }"),
      "test.prototxt:6: layer pool: unknown layer type 'Poolng' (did you mean "
      "'Pooling'?); pass --allow-unknown to import it as a zero-cost layer");
}

TEST(CaffeLayers, AllowUnknownImportsAZeroCostLayer) {
  const Network net = import_ok(header(3, 8, 8) + kUnknownLayer, {.allow_unknown = true});
  const Layer& shuffle = layer_named(net, "shuffle");
  EXPECT_EQ(shuffle.kind, LayerKind::kUnknown);
  EXPECT_EQ(shuffle.op, "ShuffleChannel");
  EXPECT_EQ(shuffle.output, (Shape{4, 8, 8}));  // assumed to keep its input's shape
  EXPECT_EQ(shuffle.macs + shuffle.other_ops + shuffle.params, 0);
  EXPECT_EQ(net.unknown_layers(), std::vector<LayerId>{shuffle.id});
  EXPECT_EQ(layer_named(net, "pool").output, (Shape{4, 1, 1}));
}

TEST(CaffeLayers, TrainOnlyLayersAreSkipped) {
  // A deploy net runs in the TEST phase (Caffe's Net::FilterNet).
  const Network net = import_ok(header(3, 8, 8) + R"(
layer { name: "train_data" type: "Data" top: "data" include { phase: TRAIN } }
layer { name: "pool" type: "Pooling" bottom: "data" top: "pool"
        pooling_param { kernel_size: 2 stride: 2 } }
layer { name: "loss" type: "SoftmaxWithLoss" bottom: "pool" top: "loss" exclude { phase: TEST } }
)");
  EXPECT_EQ(net.size(), 2u);
}

TEST(CaffeLayers, AnonymousLayersGetTypeAndIndex) {
  const Network net = import_ok(header(3, 8, 8) + R"(
layer { type: "Pooling" bottom: "data" top: "pool" pooling_param { kernel_size: 2 stride: 2 } }
)");
  EXPECT_EQ(net.layer(1).name, "Pooling_1");
}

}  // namespace
}  // namespace dnne
