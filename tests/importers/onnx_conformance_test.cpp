// Per-operator conformance against ONNX's own node tests (Debian's libonnx-testdata): for
// each test model, the output shape we derive must equal the dims of the expected output
// tensor shipped with it (output_0.pb).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <onnx/onnx_pb.h>

#include "importers/onnx_importer.h"

namespace dnne {
namespace {

const std::filesystem::path kNodeTests = "/usr/share/libonnx-testdata/data/node";

class OnnxConformance : public ::testing::TestWithParam<const char*> {};

TEST_P(OnnxConformance, OutputShapeMatchesTheReference) {
  const auto dir = kNodeTests / GetParam();
  if (!std::filesystem::exists(dir / "model.onnx"))
    GTEST_SKIP() << "libonnx-testdata is not installed";
  onnx::TensorProto expected;
  std::ifstream in(dir / "test_data_set_0" / "output_0.pb", std::ios::binary);
  ASSERT_TRUE(expected.ParseFromIstream(&in));
  Shape dims(expected.dims().begin(), expected.dims().end());
  onnx::TensorProto input;
  std::ifstream input_file(dir / "test_data_set_0" / "input_0.pb", std::ios::binary);
  ASSERT_TRUE(input.ParseFromIstream(&input_file));
  // The IR is per frame: the leading dim is dropped when it is 1 or the batch of a rank >= 3
  // first input (which the importer re-batches to 1); a rank-2 input's rows are not a batch.
  const int64_t batch = input.dims_size() >= 3 ? input.dims(0) : 1;
  if (dims.at(0) == 1 || dims.at(0) == batch) dims.erase(dims.begin());

  auto net = import_onnx((dir / "model.onnx").string(), {});
  ASSERT_TRUE(net.ok()) << net.error().message;
  const Layer& out = net->layers().back();
  EXPECT_EQ(out.output, dims) << out.name;
  EXPECT_TRUE(out.kind == LayerKind::kConv || out.kind == LayerKind::kPool ||
              out.kind == LayerKind::kFc || out.kind == LayerKind::kMatMul)
      << kind_name(out.kind);
}

INSTANTIATE_TEST_SUITE_P(
    NodeTests, OnnxConformance,
    ::testing::Values("test_conv_with_autopad_same", "test_conv_with_strides_and_asymmetric_padding",
                      "test_conv_with_strides_no_padding", "test_conv_with_strides_padding",
                      "test_convtranspose", "test_convtranspose_autopad_same",
                      "test_convtranspose_dilations", "test_convtranspose_kernel_shape",
                      "test_convtranspose_output_shape", "test_convtranspose_pad",
                      "test_convtranspose_pads", "test_gemm_default_no_bias",
                      "test_gemm_transposeA", "test_gemm_transposeB", "test_gemm_all_attributes",
                      "test_matmul_2d", "test_matmul_3d", "test_matmul_4d",
                      "test_maxpool_2d_ceil", "test_maxpool_2d_default",
                      "test_maxpool_2d_dilations", "test_maxpool_2d_pads",
                      "test_maxpool_2d_precomputed_same_upper", "test_maxpool_2d_same_lower",
                      "test_maxpool_2d_same_upper", "test_maxpool_2d_strides",
                      "test_averagepool_2d_ceil", "test_averagepool_2d_default",
                      "test_averagepool_2d_pads", "test_averagepool_2d_precomputed_strides",
                      "test_averagepool_2d_same_lower", "test_averagepool_2d_same_upper"),
    [](const ::testing::TestParamInfo<const char*>& info) { return std::string(info.param); });

}  // namespace
}  // namespace dnne
