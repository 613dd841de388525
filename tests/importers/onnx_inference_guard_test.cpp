// Ranks libonnx's shape inference indexes without checking (issue 14): before
// importers/onnx_inference_guard.h each of these models ended the process with SIGSEGV inside
// libonnx (so on the old code this test binary crashes); now each is exit 2 naming the node,
// or imports as far as its shapes allow.
#include "importers/onnx_inference_guard.h"

#include <gtest/gtest.h>

#include "importers/onnx_importer.h"
#include "onnx_test_models.h"

namespace dnne {
namespace {

using testing::set_ints;
using testing::TinyModel;

std::string import_error(TinyModel& m, bool allow_unknown = false) {
  LoadOptions options;
  options.allow_unknown = allow_unknown;
  auto net = import_onnx_bytes(m.proto().SerializeAsString(), "m.onnx", options);
  return net ? "" : net.error().message;
}

TEST(OnnxInferenceGuard, MaxUnpoolIndicesOfAnotherRank) {
  // libonnx read dim 1 of the indices for the output's channels.
  TinyModel m(13);
  m.input("x", {1, 3, 4, 4}).input("i", {16}).output("y");
  set_ints(m.node("MaxUnpool", {"x", "i"}, {"y"}, "u1"), "kernel_shape", {2, 2});
  EXPECT_EQ(import_error(m),
            "m.onnx: node 'u1' (MaxUnpool, opset 13): I (indices) has rank 1, expected 4 (the rank "
            "of X: one index per element of X)");
}

TEST(OnnxInferenceGuard, ConvWeightOfAnotherRank) {
  // Without kernel_shape libonnx took one input dim per weight dim past the second.
  TinyModel conv(13);
  conv.input("x", {1, 3, 8, 8}).weight("w", {4, 3, 3, 3, 3}).output("y");
  conv.node("Conv", {"x", "w"}, {"y"}, "c1");
  EXPECT_EQ(import_error(conv),
            "m.onnx: node 'c1' (Conv, opset 13): W has rank 5, expected 4 (the rank of X: out/in "
            "channels and one kernel dim per spatial axis)");
  // ConvTranspose read dim 1 of its weight.
  TinyModel deconv(13);
  deconv.input("x", {1, 3, 8, 8}).weight("w", {3}).output("y");
  set_ints(deconv.node("ConvTranspose", {"x", "w"}, {"y"}, "d1"), "kernel_shape", {3, 3});
  EXPECT_EQ(import_error(deconv),
            "m.onnx: node 'd1' (ConvTranspose, opset 13): W has rank 1, expected 4 (the rank of X: "
            "out/in channels and one kernel dim per spatial axis)");
}

TEST(OnnxInferenceGuard, WindowAttributesAgainstTheInferredRank) {
  // The rank comes from inference (a Reshape before the pool), not from the file.
  TinyModel m(13);
  m.input("x", {1, 3, 8, 8}).ints("shape", {1, 3, 64}).output("y");
  m.node("Reshape", {"x", "shape"}, {"r"}, "r1");
  set_ints(m.node("MaxPool", {"r"}, {"y"}, "p1"), "kernel_shape", {2, 2});
  EXPECT_EQ(import_error(m),
            "m.onnx: node 'p1' (MaxPool, opset 13): kernel_shape has 2 values, expected 1 (X has "
            "rank 3: one per spatial axis)");
}

TEST(OnnxInferenceGuard, ShapeOfATensorNothingTyped) {
  // Shape's data propagation read the type of its input, which an operator without a schema
  // leaves null.
  TinyModel m(15);
  m.input("x", {1, 3, 4, 4}).output("y");
  m.node("Bar", {"x"}, {"b"}, "custom").set_domain("foo");
  m.node("Shape", {"b"}, {"s"}, "s1");
  m.node("Reshape", {"x", "s"}, {"y"}, "r1");
  EXPECT_EQ(import_error(m),
            "m.onnx: node 'custom' (foo.Bar, opset 15): operator not supported by DNNExplorer; "
            "pass --allow-unknown to import it as a zero-cost layer");
  EXPECT_EQ(import_error(m, /*allow_unknown=*/true),
            "m.onnx: node 'custom' (foo.Bar, opset 15): ONNX shape inference could not determine "
            "the shape of tensor 'b'");
}

TEST(OnnxInferenceGuard, AddOfAnEmptyShapeValue) {
  // Add's data propagation broadcast a one-value shape against an empty one (the shape of a
  // scalar) by reading the empty one's dim 0. The sum is empty: a Reshape to a scalar.
  TinyModel m(15);
  m.input("x", {1, 3, 4, 4}).input("z", {}).output("y");
  m.node("Shape", {"z"}, {"sz"}, "s1");
  auto& first = m.node("Shape", {"x"}, {"sx"}, "s2");
  testing::set_int(first, "end", 1);
  m.node("Add", {"sz", "sx"}, {"t"}, "a1");
  m.node("Reshape", {"x", "t"}, {"y"}, "r1");
  EXPECT_EQ(import_error(m),
            "m.onnx: node 'r1' (Reshape, opset 15): turns 48 elements per frame into 1 (a shape "
            "baked in at export for another input size?)");
}

TEST(OnnxInferenceGuard, ConstantInputsWithoutTheirValues) {
  // A float Range whose scalar start holds no value (dims only, as weights may come) crashed
  // libonnx's Range inference, which reads element 0 unchecked: now it reads as unknown and
  // the model imports (the Range feeds nothing the model's layers need).
  TinyModel range(13);
  range.input("x", {1, 3, 4, 4}).output("y").weight("start", {}).weight("limit", {});
  range.weight("delta", {});
  range.node("Relu", {"x"}, {"y"}, "relu");
  range.node("Range", {"start", "limit", "delta"}, {"r"}, "range");
  EXPECT_EQ(import_error(range), "");
  // Resize scales without values: the output size is unknown, said as such (exit 2).
  TinyModel resize(13);
  resize.input("x", {1, 3, 4, 4}).output("y").weight("roi", {0}).weight("scales", {4});
  resize.node("Resize", {"x", "roi", "scales"}, {"y"}, "up");
  EXPECT_EQ(import_error(resize),
            "m.onnx: node 'up' (Resize, opset 13): ONNX shape inference could not determine "
            "every dimension of tensor 'y' (?x?x?x?); a symbolic size may need --input CxHxW");
}

TEST(OnnxInferenceGuard, VerdictOnKnownAndUnknownRanks) {
  auto none = [](const std::string&) { return -1; };
  using K = RankVerdict::Kind;
  EXPECT_EQ(inference_rank_verdict("Conv", {4, 4}, none).kind, K::kOk);
  EXPECT_EQ(inference_rank_verdict("Conv", {4, -1}, none).kind, K::kOk);  // W not known yet
  EXPECT_EQ(inference_rank_verdict("QLinearConv", {4, 0, 0, 3}, none).kind, K::kInvalid);
  // MaxUnpool with unknown indices cannot be inferred, but is not wrong.
  EXPECT_EQ(inference_rank_verdict("MaxUnpool", {4, -1}, none).kind, K::kUnknown);
  EXPECT_EQ(inference_rank_verdict("MaxUnpool", {4, 4}, none).kind, K::kOk);
  // With output_shape given libonnx does not read the indices.
  EXPECT_EQ(inference_rank_verdict("MaxUnpool", {4, 1, 1}, none).kind, K::kOk);
  EXPECT_EQ(inference_rank_verdict("Gemm", {2, 1}, none).what,
            "B has rank 1, expected 2 (a matrix)");
  EXPECT_EQ(inference_rank_verdict("LSTM", {2}, none).kind, K::kInvalid);
  EXPECT_EQ(inference_rank_verdict("Relu", {0}, none).kind, K::kOk);  // no rule
  auto pads5 = [](const std::string& name) { return name == "pads" ? 5 : -1; };
  EXPECT_EQ(inference_rank_verdict("AveragePool", {4}, pads5).what,
            "pads has 5 values, expected 4 (X has rank 4: begin and end of each spatial axis)");
}

}  // namespace
}  // namespace dnne
