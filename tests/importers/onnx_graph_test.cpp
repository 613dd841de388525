// Whole-graph behaviour of the ONNX importer: shape-computing subgraphs, dynamic dims,
// --input, unknown operators and broken graphs (exact messages).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "importers/onnx_importer.h"
#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::Dim;
using testing::set_int;
using testing::set_ints;
using testing::TinyModel;

const Layer* find_layer(const Network& net, const std::string& name) {
  for (const Layer& l : net.layers())
    if (l.name == name) return &l;
  return nullptr;
}

// conv(3->8, 3x3, pad 1) -> Shape -> Gather(0) -> Unsqueeze -> Concat(-1) -> Reshape: the
// torch.flatten(x, 1) idiom with the batch read back from the tensor.
TinyModel flatten_by_shape_model(const std::vector<Dim>& input) {
  TinyModel m(13);
  m.input("x", input).weight("w", {8, 3, 3, 3}).ints("zero", {0}, true).ints("minus_one", {-1});
  m.ints("axes", {0}).output("y");
  set_ints(m.node("Conv", {"x", "w"}, {"c"}, "conv"), "pads", {1, 1, 1, 1});
  m.node("Shape", {"c"}, {"shape"}, "shape");
  auto& gather = m.node("Gather", {"shape", "zero"}, {"batch"}, "gather");
  set_int(gather, "axis", 0);
  m.node("Unsqueeze", {"batch", "axes"}, {"batch1"}, "unsqueeze");
  set_int(m.node("Concat", {"batch1", "minus_one"}, {"target"}, "concat"), "axis", 0);
  m.node("Reshape", {"c", "target"}, {"y"}, "reshape");
  return m;
}

TEST(OnnxGraph, ShapeComputingSubgraphIsWiringNotLayers) {
  auto net = import_onnx(
      flatten_by_shape_model({int64_t{1}, int64_t{3}, int64_t{4}, int64_t{4}}).save("shapes"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  ASSERT_EQ(net->size(), 3u);  // input, conv, reshape
  EXPECT_EQ(net->layer(2).name, "reshape");
  EXPECT_EQ(net->layer(2).kind, LayerKind::kShape);
  EXPECT_EQ(net->layer(2).output, (Shape{8 * 4 * 4}));
  EXPECT_EQ(find_layer(*net, "gather"), nullptr);
}

TEST(OnnxGraph, DeepChainsOfShapeReshapeSettle) {
  // Each block reshapes its input to its own Shape: one round of inference and folding per
  // block (ShuffleNetV2's channel shuffle exported with dynamic sizes looks like this).
  TinyModel m(13);
  m.input("x0", {"N", int64_t{4}, "H", "W"}).output("x24");
  for (int i = 0; i < 24; ++i) {
    const std::string x = "x" + std::to_string(i), s = "s" + std::to_string(i);
    const std::string r = "r" + std::to_string(i), next = "x" + std::to_string(i + 1);
    m.node("Shape", {x}, {s}, "shape" + std::to_string(i));
    m.node("Reshape", {x, s}, {r}, "reshape" + std::to_string(i));
    m.node("Relu", {r}, {next}, "relu" + std::to_string(i));
  }
  auto net = import_onnx(m.save("deep_chain"), {.input = Shape{4, 6, 6}});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->layers().back().output, (Shape{4, 6, 6}));
}

TEST(OnnxGraph, SymbolicBatchBecomesOneOrTheBatchFlag) {
  const TinyModel m = flatten_by_shape_model({"N", int64_t{3}, int64_t{4}, int64_t{4}});
  for (int64_t batch : {1, 4}) {
    auto net = import_onnx(m.save("dynbatch"), {.batch = batch});
    ASSERT_TRUE(net.ok()) << net.error().message;
    EXPECT_EQ(net->input_shape(), (Shape{3, 4, 4}));
    EXPECT_EQ(net->layer(2).output, (Shape{8 * 4 * 4}));  // per frame either way
    EXPECT_EQ(net->totals().conv_macs, 8 * 16 * 27);
  }
}

TEST(OnnxGraph, SymbolicSpatialSizeNeedsInput) {
  const TinyModel m = flatten_by_shape_model({"N", int64_t{3}, "height", "width"});
  const std::string path = m.save("dynspatial");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": input 'x' has symbolic dimension 'height' at axis 2 (shape N x 3 x "
                "height x width); pass --input CxHxW to fix the input size");
  auto fixed = import_onnx(path, {.input = Shape{3, 10, 6}});
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(fixed->input_shape(), (Shape{3, 10, 6}));
  EXPECT_EQ(fixed->layer(2).output, (Shape{8 * 10 * 6}));
}

TEST(OnnxGraph, SymbolicSequenceLengthCannotBeFixedByInput) {
  TinyModel m;
  m.input("tokens", {"batch", "sequence", int64_t{32}}).weight("w", {32, 8}).output("y");
  m.node("MatMul", {"tokens", "w"}, {"y"}, "proj");
  const std::string path = m.save("dynseq");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path + ": input 'tokens' has symbolic dimension 'sequence' at axis 1 (shape batch x "
                   "sequence x 32); export the model with this dimension fixed (--input sets "
                   "only the first input, of rank 4)");
}

TEST(OnnxGraph, InputOverridesAFixedInputShape) {
  const TinyModel m = flatten_by_shape_model({int64_t{1}, int64_t{3}, int64_t{4}, int64_t{4}});
  auto net = import_onnx(m.save("override"), {.input = Shape{3, 32, 16}});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->layer(1).output, (Shape{8, 32, 16}));
  EXPECT_EQ(net->totals().conv_macs, 8 * 32 * 16 * 27);
}

TEST(OnnxGraph, FixedBatchIsRebatchedToOneFrame) {
  // Exported with a batch of 4 (flatten by Shape/Gather, so nothing bakes the 4 in).
  const TinyModel m = flatten_by_shape_model({int64_t{4}, int64_t{3}, int64_t{4}, int64_t{4}});
  auto net = import_onnx(m.save("fixed_batch"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->input_shape(), (Shape{3, 4, 4}));
  EXPECT_EQ(net->layer(2).output, (Shape{8 * 4 * 4}));
  EXPECT_EQ(net->totals().conv_macs, 8 * 16 * 27);  // one frame, not four
}

// conv -> Reshape to a constant target that bakes the batch of 2 in.
TinyModel baked_batch_model(const std::vector<int64_t>& target) {
  TinyModel m(13);
  m.input("x", {int64_t{2}, int64_t{3}, int64_t{4}, int64_t{4}}).weight("w", {8, 3, 1, 1});
  m.ints("target", target).output("y");
  m.node("Conv", {"x", "w"}, {"c"}, "conv");
  m.node("Reshape", {"c", "target"}, {"y"}, "reshape");
  return m;
}

TEST(OnnxGraph, BakedFixedBatchLeadingEveryTensorIsDropped) {
  auto net = import_onnx(baked_batch_model({2, 128}).save("baked"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->input_shape(), (Shape{3, 4, 4}));
  EXPECT_EQ(net->layer(2).output, (Shape{128}));
  EXPECT_EQ(net->totals().conv_macs, 8 * 16 * 3);
}

TEST(OnnxGraph, BakedFixedBatchFoldedIntoAnotherDimIsAnError) {
  const std::string path = baked_batch_model({16, 16}).save("baked_folded");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": node 'reshape' (Reshape, opset 13): tensor 'y' (16x16) does not lead with "
                "the model's fixed batch 2, so its per-frame shape is ambiguous; export the "
                "model with batch 1 or a dynamic batch axis");
}

TEST(OnnxGraph, OpsetSevenAttributeForms) {
  // Opset 7 keeps as attributes what later opsets take as inputs: Upsample's scales,
  // Slice's starts/ends/axes, Pad's pads, Unsqueeze's axes; Dropout has a ratio.
  TinyModel m(7);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{6}, int64_t{6}}).weight("w", {8, 4, 3, 3});
  for (const char* p : {"scale", "shift", "mean", "var"}) m.weight(p, {8});
  m.output("y");
  auto& up = m.node("Upsample", {"x"}, {"u"}, "up");
  auto* scales = up.add_attribute();
  scales->set_name("scales");
  scales->set_type(onnx::AttributeProto::FLOATS);
  for (float f : {1.f, 1.f, 2.f, 2.f}) scales->add_floats(f);
  auto& pad = m.node("Pad", {"u"}, {"p"}, "pad");
  set_ints(pad, "pads", {0, 0, 1, 1, 0, 0, 1, 1});
  m.node("Conv", {"p", "w"}, {"c"}, "conv");
  m.node("BatchNormalization", {"c", "scale", "shift", "mean", "var"}, {"bn"}, "bn");
  m.node("Dropout", {"bn"}, {"d"}, "dropout");
  auto& slice = m.node("Slice", {"d"}, {"s"}, "slice");
  set_ints(slice, "starts", {1});
  set_ints(slice, "ends", {11});
  set_ints(slice, "axes", {2});
  set_ints(m.node("Unsqueeze", {"s"}, {"y"}, "unsqueeze"), "axes", {1});
  auto net = import_onnx(m.save("opset7"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  const Layer* conv = find_layer(*net, "conv");
  ASSERT_NE(conv, nullptr);
  EXPECT_EQ(find_layer(*net, "up")->output, (Shape{4, 12, 12}));
  EXPECT_EQ(find_layer(*net, "pad")->output, (Shape{4, 14, 14}));
  EXPECT_EQ(conv->output, (Shape{8, 12, 12}));
  EXPECT_EQ(conv->fused_ops, (std::vector<std::string>{"BatchNormalization"}));
  EXPECT_EQ(find_layer(*net, "dropout"), nullptr);
  EXPECT_EQ(find_layer(*net, "slice")->output, (Shape{8, 10, 12}));
  EXPECT_EQ(net->layers().back().output, (Shape{1, 8, 10, 12}));  // [1, 1, 8, 10, 12] per batch
}

TEST(OnnxGraph, InputOverrideOnAnNhwcInput) {
  // tf2onnx keeps TensorFlow's NHWC input and transposes it to NCHW: --input stays CxHxW.
  TinyModel m(13);
  m.input("image", {"N", int64_t{224}, int64_t{224}, int64_t{3}}).weight("w", {16, 3, 3, 3});
  m.output("y");
  set_ints(m.node("Transpose", {"image"}, {"nchw"}, "to_nchw"), "perm", {0, 3, 1, 2});
  m.node("Conv", {"nchw", "w"}, {"y"}, "conv");
  auto net = import_onnx(m.save("nhwc"), {.input = Shape{3, 64, 32}});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->input_shape(), (Shape{64, 32, 3}));
  EXPECT_EQ(find_layer(*net, "conv")->output, (Shape{16, 62, 30}));
}

TEST(OnnxGraph, InputOverrideAgainstABakedReshapeIsAnError) {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{3}, int64_t{4}, int64_t{4}}).weight("w", {8, 3, 1, 1});
  m.ints("target", {1, 128}).output("y");
  m.node("Conv", {"x", "w"}, {"c"}, "conv");
  m.node("Reshape", {"c", "target"}, {"y"}, "reshape");
  const std::string path = m.save("baked_reshape");
  ASSERT_TRUE(import_onnx(path, {}).ok());
  auto net = import_onnx(path, {.input = Shape{3, 8, 8}});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": node 'reshape' (Reshape, opset 13): turns 512 elements per frame into 128 "
                "(a shape baked in at export for another input size?)");
}

TEST(OnnxGraph, InputNeedsARankFourInput) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{16}}).weight("w", {16, 4}).output("y");
  m.node("MatMul", {"x", "w"}, {"y"}, "fc");
  const std::string path = m.save("rank2");
  auto net = import_onnx(path, {.input = Shape{3, 8, 8}});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path + ": input 'x' has rank 2 (1 x 16); --input CxHxW needs a rank-4 image input");
}

TinyModel unknown_op_model() {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{8}}).output("y");
  m.node("Relu", {"x"}, {"r"}, "relu");
  m.node("MaxRoiPool", {"r"}, {"y"}, "roi").set_domain("com.example");
  auto* domain = m.proto().add_opset_import();
  domain->set_domain("com.example");
  domain->set_version(1);
  return m;
}

TEST(OnnxGraph, UnknownOperatorIsAnErrorNamingNodeOpAndOpset) {
  const std::string path = unknown_op_model().save("unknown");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": node 'roi' (com.example.MaxRoiPool, opset 13): operator not supported by "
                "DNNExplorer; pass --allow-unknown to import it as a zero-cost layer");
}

TEST(OnnxGraph, AllowUnknownListsTheZeroCostLayer) {
  // Without ONNX's schema for a custom op the output shape is unknown: the error says so.
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{8}}).output("y");
  m.node("Relu", {"x"}, {"r"}, "relu");
  m.node("Celu2", {"r"}, {"y"}, "celu2");  // no such ONNX op; shape unknown
  const std::string path = m.save("unknown_shape");
  auto net = import_onnx(path, {.allow_unknown = true});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": node 'celu2' (Celu2, opset 13): ONNX shape inference could not determine "
                "the shape of tensor 'y'");

  // A real ONNX op we do not cost (its schema gives the shape): imported as unknown.
  TinyModel k(13);
  k.input("x", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{8}}).output("y");
  k.node("Relu", {"x"}, {"r"}, "relu");
  set_int(k.node("TopK", {"r", "kk"}, {"y", "idx"}, "topk"), "axis", -1);
  k.ints("kk", {3});
  const std::string kpath = k.save("topk");
  auto strict = import_onnx(kpath, {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().message,
            kpath +
                ": node 'topk' (TopK, opset 13): operator not supported by DNNExplorer; "
                "pass --allow-unknown to import it as a zero-cost layer");
  auto lenient = import_onnx(kpath, {.allow_unknown = true});
  ASSERT_TRUE(lenient.ok()) << lenient.error().message;
  ASSERT_EQ(lenient->unknown_layers().size(), 2u);  // values and indices
  const Layer& topk = lenient->layer(lenient->unknown_layers()[0]);
  EXPECT_EQ(topk.name, "topk");
  EXPECT_EQ(topk.op, "TopK");
  EXPECT_EQ(topk.output, (Shape{4, 8, 3}));
  EXPECT_EQ(topk.macs, 0);
}

TEST(OnnxGraph, DecomposedLayerNormIsOneFusedLayer) {
  // x - mean(x); / sqrt(mean(d^2) + eps); * gamma + beta, over the last axis.
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{10}, int64_t{16}}).weight("gamma", {16}).weight("beta", {16});
  auto* two = m.proto().mutable_graph()->add_initializer();
  two->set_name("two");
  two->set_data_type(onnx::TensorProto::FLOAT);
  two->add_float_data(2.f);
  auto* eps = m.proto().mutable_graph()->add_initializer();
  *eps = *two;
  eps->set_name("eps");
  m.output("y");
  set_ints(m.node("ReduceMean", {"x"}, {"mean"}, "ln/mean"), "axes", {-1});
  m.node("Sub", {"x", "mean"}, {"d"}, "ln/sub");
  m.node("Pow", {"d", "two"}, {"d2"}, "ln/pow");
  set_ints(m.node("ReduceMean", {"d2"}, {"var"}, "ln/var"), "axes", {-1});
  m.node("Add", {"var", "eps"}, {"ve"}, "ln/add_eps");
  m.node("Sqrt", {"ve"}, {"std"}, "ln/sqrt");
  m.node("Div", {"d", "std"}, {"n"}, "ln/div");
  m.node("Mul", {"n", "gamma"}, {"scaled"}, "ln/mul");
  m.node("Add", {"scaled", "beta"}, {"y"}, "ln/add");
  auto net = import_onnx(m.save("layernorm"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  ASSERT_EQ(net->size(), 2u);
  EXPECT_EQ(net->layer(1).op, "LayerNormalization");
  EXPECT_EQ(net->layer(1).kind, LayerKind::kFused);
  EXPECT_EQ(net->layer(1).output, (Shape{10, 16}));
}

TEST(OnnxGraph, ReduceMeanOverTokensIsCounted) {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{10}, int64_t{16}}).output("y");
  auto& mean = m.node("ReduceMean", {"x"}, {"y"}, "mean");
  set_ints(mean, "axes", {1});
  set_int(mean, "keepdims", 0);
  auto net = import_onnx(m.save("reduce"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->layers().back().output, (Shape{16}));
  EXPECT_EQ(net->totals().other_ops, 10 * 16);  // one add per input element
}

TEST(OnnxGraph, ReduceSumReadsConstantAxesInput) {
  // Opset 13 ReduceSum takes its axes as an input; spatial axes of an NCHW map are a global
  // pool with the op's own name.
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{8}, int64_t{5}, int64_t{5}}).ints("axes", {2, 3}).output("y");
  m.node("ReduceSum", {"x", "axes"}, {"y"}, "sum");
  auto net = import_onnx(m.save("reduce_sum"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  ASSERT_EQ(net->size(), 2u);
  EXPECT_EQ(net->layer(1).kind, LayerKind::kPool);
  EXPECT_EQ(net->layer(1).op, "ReduceSum");
  EXPECT_EQ(net->layer(1).output, (Shape{8, 1, 1}));
  EXPECT_EQ(net->layer(1).other_ops, 8 * 25);
}

TEST(OnnxGraph, BuilderErrorsNameTheFile) {
  // Conv groups that do not divide the channels: NetworkBuilder's own check.
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{6}, int64_t{4}, int64_t{4}}).weight("w", {4, 2, 1, 1});
  m.output("y");
  set_int(m.node("Conv", {"x", "w"}, {"y"}, "conv"), "group", 4);
  const std::string path = m.save("bad_groups");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message, path + ": layer conv: groups 4 does not divide 6 input channels");
}

TEST(OnnxGraph, NodeReadingAnUnproducedTensorIsAnError) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}}).output("y");
  m.node("Add", {"x", "ghost"}, {"y"}, "add");
  const std::string path = m.save("dangling");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message,
            path +
                ": node 'add' (Add) reads tensor 'ghost', which no node, initializer or "
                "graph input produces");
}

TEST(OnnxGraph, CycleIsAnError) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}}).output("y");
  m.node("Add", {"x", "b"}, {"a"}, "first");
  m.node("Relu", {"a"}, {"b"}, "second");
  m.node("Relu", {"b"}, {"y"}, "third");
  const std::string path = m.save("cycle");
  auto net = import_onnx(path, {});
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message, path + ": the graph has a cycle through node 'first' (Add)");
}

TEST(OnnxGraph, OutOfOrderNodesAreSorted) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}}).output("y");
  m.node("Relu", {"a"}, {"y"}, "second");
  m.node("Sigmoid", {"x"}, {"a"}, "first");
  auto net = import_onnx(m.save("unsorted"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->layer(1).name, "first");
}

TEST(OnnxGraph, LargeInlineWeightsImport) {
  // 96 MiB of inline weight data: past protobuf's historical 64 MiB default limit.
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4096}}).output("y");
  m.weight("w", {4096, 6144});
  m.proto().mutable_graph()->mutable_initializer(0)->mutable_raw_data()->assign(
      size_t{4096} * 6144 * 4, '\0');
  m.node("MatMul", {"x", "w"}, {"y"}, "fc");
  auto net = import_onnx(m.save("large"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->totals().fc_macs, int64_t{4096} * 6144);
}

TEST(OnnxGraph, AbsentExternalDataIsNeverRead) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{8}}).output("y");
  m.weight("w", {8, 2});
  auto* w = m.proto().mutable_graph()->mutable_initializer(0);
  w->set_data_location(onnx::TensorProto::EXTERNAL);
  auto* entry = w->add_external_data();
  entry->set_key("location");
  entry->set_value("no_such_file.bin");
  m.node("MatMul", {"x", "w"}, {"y"}, "fc");
  auto net = import_onnx(m.save("external"), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->totals().fc_macs, 16);
}

}  // namespace
}  // namespace dnne
