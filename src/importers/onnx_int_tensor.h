// Integer tensors (the values of shape arithmetic: Shape outputs, Reshape targets, Slice
// bounds) and the ONNX operators on them that the constant folder needs, following the ONNX
// operator definitions (numpy semantics).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "graph/shape.h"

namespace dnne {

// An integer tensor's value (bool as 0/1), row-major.
struct IntTensor {
  std::vector<int64_t> dims;
  std::vector<int64_t> values;
  int32_t type = onnx::TensorProto::INT64;
};

// Shape arithmetic works on short vectors; a larger integer tensor is data, not a shape.
constexpr int64_t kMaxIntTensorElements = 1 << 16;

int64_t normalise_axis(int64_t axis, size_t rank);

// INT64, INT32 and BOOL tensors held inline; nullopt for anything else.
std::optional<IntTensor> from_proto(const onnx::TensorProto& t);
onnx::TensorProto to_proto(const IntTensor& v);

// numpy broadcasting of any number of operands, element by element.
std::optional<IntTensor> broadcast(const std::vector<const IntTensor*>& ins,
                                   const std::function<int64_t(const std::vector<int64_t>&)>& f,
                                   int32_t type);
std::optional<IntTensor> gather(const IntTensor& data, const IntTensor& indices, int64_t axis);
// ONNX Slice: per listed axis, start/end clamped to the axis, any non-zero step.
std::optional<IntTensor> slice(const IntTensor& data, const std::vector<int64_t>& starts,
                               const std::vector<int64_t>& ends, std::vector<int64_t> axes,
                               std::vector<int64_t> steps);
std::optional<IntTensor> transpose(const IntTensor& data, std::vector<int64_t> perm);
// ONNX Reshape: 0 copies the input dim (allowzero = 0), -1 takes the rest.
std::optional<IntTensor> reshape(const IntTensor& data, const std::vector<int64_t>& shape);

}  // namespace dnne
