// Per-operator conformance against ONNX's own node tests (Debian's libonnx-testdata): for
// each test model, the output shape we derive must equal the dims of the expected output
// tensor shipped with it (output_0.pb).
#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>

#include <filesystem>
#include <fstream>

#include "importers/onnx_importer.h"

namespace dnne {
namespace {

const std::filesystem::path kNodeTests = "/usr/share/libonnx-testdata/data/node";

struct NodeTest {
  const char* name;
  const char* kind;  // the kind of the layer that writes the graph's output
};

void PrintTo(const NodeTest& test, std::ostream* out) {
  *out << test.name;
}

class OnnxConformance : public ::testing::TestWithParam<NodeTest> {};

TEST_P(OnnxConformance, OutputShapeMatchesTheReference) {
  const auto dir = kNodeTests / GetParam().name;
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
  Shape ours = out.output;
  // A 1-D window runs over a [C, 1, L] map.
  if (ours.size() == 3 && dims.size() == 2 && ours[1] == 1) ours.erase(ours.begin() + 1);
  EXPECT_EQ(ours, dims) << out.name;
  EXPECT_EQ(kind_name(out.kind), GetParam().kind) << out.name;
}

INSTANTIATE_TEST_SUITE_P(
    NodeTests, OnnxConformance,
    ::testing::Values(
        NodeTest{"test_conv_with_autopad_same", "conv"},
        NodeTest{"test_conv_with_strides_and_asymmetric_padding", "conv"},
        NodeTest{"test_conv_with_strides_no_padding", "conv"},
        NodeTest{"test_conv_with_strides_padding", "conv"}, NodeTest{"test_convtranspose", "conv"},
        NodeTest{"test_convtranspose_autopad_same", "conv"},
        NodeTest{"test_convtranspose_dilations", "conv"},
        NodeTest{"test_convtranspose_kernel_shape", "conv"},
        NodeTest{"test_convtranspose_output_shape", "conv"},
        NodeTest{"test_convtranspose_pad", "conv"}, NodeTest{"test_convtranspose_pads", "conv"},
        NodeTest{"test_convinteger_with_padding", "conv"},
        NodeTest{"test_qlinearconv", "conv"},
        NodeTest{"test_matmulinteger", "matmul"},
        NodeTest{"test_qlinearmatmul_3D", "matmul"},
        NodeTest{"test_quantizelinear", "fused"},
        NodeTest{"test_dequantizelinear", "fused"},
        NodeTest{"test_einsum_batch_matmul", "shape"},
        NodeTest{"test_convtranspose_1d", "conv"},
        NodeTest{"test_maxpool_1d_default", "pool"},
        NodeTest{"test_averagepool_1d_default", "pool"},
        NodeTest{"test_gemm_default_no_bias", "matmul"}, NodeTest{"test_gemm_transposeA", "matmul"},
        NodeTest{"test_gemm_transposeB", "matmul"}, NodeTest{"test_gemm_all_attributes", "matmul"},
        NodeTest{"test_matmul_2d", "matmul"}, NodeTest{"test_matmul_3d", "matmul"},
        NodeTest{"test_matmul_4d", "matmul"}, NodeTest{"test_maxpool_2d_ceil", "pool"},
        NodeTest{"test_maxpool_2d_default", "pool"}, NodeTest{"test_maxpool_2d_dilations", "pool"},
        NodeTest{"test_maxpool_2d_pads", "pool"},
        NodeTest{"test_maxpool_2d_precomputed_same_upper", "pool"},
        NodeTest{"test_maxpool_2d_same_lower", "pool"},
        NodeTest{"test_maxpool_2d_same_upper", "pool"}, NodeTest{"test_maxpool_2d_strides", "pool"},
        NodeTest{"test_averagepool_2d_ceil", "pool"},
        NodeTest{"test_averagepool_2d_default", "pool"},
        NodeTest{"test_averagepool_2d_pads", "pool"},
        NodeTest{"test_averagepool_2d_precomputed_strides", "pool"},
        NodeTest{"test_averagepool_2d_same_lower", "pool"},
        NodeTest{"test_averagepool_2d_same_upper", "pool"},
        NodeTest{"test_globalaveragepool", "pool"}, NodeTest{"test_globalmaxpool", "pool"},
        NodeTest{"test_batchnorm_example", "fused"}, NodeTest{"test_relu", "fused"},
        NodeTest{"test_sigmoid", "fused"}, NodeTest{"test_tanh", "fused"},
        NodeTest{"test_erf", "fused"}, NodeTest{"test_hardsigmoid", "fused"},
        NodeTest{"test_hardswish", "fused"}, NodeTest{"test_leakyrelu", "fused"},
        NodeTest{"test_prelu_broadcast", "fused"}, NodeTest{"test_softmax_axis_1", "fused"},
        NodeTest{"test_layer_normalization_4d_axis_negative_1", "fused"},
        NodeTest{"test_instancenorm_example", "fused"}, NodeTest{"test_lrn", "fused"},
        NodeTest{"test_add_bcast", "eltwise"}, NodeTest{"test_mul_bcast", "eltwise"},
        NodeTest{"test_sum_two_inputs", "eltwise"}, NodeTest{"test_where_example", "eltwise"},
        NodeTest{"test_concat_2d_axis_1", "concat"}, NodeTest{"test_concat_3d_axis_1", "concat"},
        NodeTest{"test_flatten_default_axis", "shape"}, NodeTest{"test_gather_1", "shape"},
        NodeTest{"test_split_equal_parts_2d", "shape"},
        NodeTest{"test_depthtospace_example", "shape"},
        NodeTest{"test_transpose_all_permutations_1", "shape"},
        NodeTest{"test_unsqueeze_axis_3", "shape"},
        NodeTest{"test_reduce_mean_do_not_keepdims_example", "shape"},
        NodeTest{"test_reduce_mean_keepdims_example", "shape"}),
    [](const ::testing::TestParamInfo<NodeTest>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace dnne
