// Integer tensors (the values of shape arithmetic: Shape outputs, Reshape targets, Slice
// bounds) and the ONNX operators on them that the constant folder needs, following the ONNX
// operator definitions (numpy semantics).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/shape.h"

namespace dnne {

// An integer tensor's value (bool as 0/1), row-major.
struct IntTensor {
  std::vector<int64_t> dims;
  std::vector<int64_t> values;
  int32_t type = onnx::TensorProto::INT64;
};

// Shape arithmetic works on short vectors; a larger integer tensor is data, not a shape, and
// is never folded (ours, docs/robustness.md). A 0 dim counts as 1 here, so that every stride of
// a foldable tensor stays below the cap too; the rank cap bounds the work per element.
constexpr int64_t kMaxIntTensorElements = 1 << 16;
constexpr size_t kMaxIntTensorRank = 32;

// The element count of a tensor of these dims when it may be folded (every dim >= 0, within
// the caps above), nullopt otherwise. Checked before any value is materialised: a 220-byte
// Expand must not allocate billions of elements.
std::optional<int64_t> foldable_elements(const std::vector<int64_t>& dims);

// Shape arithmetic a model cannot mean: int64 overflow (INT64_MIN / -1, a product past 2^63),
// division by zero, an operand no operator accepts (a negative target dim, a perm that is not
// a permutation). The folder turns it into an InputError naming the node.
class FoldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// int64 arithmetic as ONNX defines it on integers, throwing FoldError instead of overflowing.
int64_t fold_add(int64_t a, int64_t b);
int64_t fold_sub(int64_t a, int64_t b);
int64_t fold_mul(int64_t a, int64_t b);
int64_t fold_div(int64_t a, int64_t b);  // truncates, like C++ and ONNX Runtime
// Mod: the sign of the divisor (fmod = 0, numpy's mod) or of the dividend (fmod = 1, C's fmod).
int64_t fold_mod(int64_t a, int64_t b, bool fmod);
int64_t fold_neg(int64_t a);
int64_t fold_abs(int64_t a);

int64_t normalise_axis(int64_t axis, size_t rank);

// INT64, INT32 and BOOL tensors held inline; nullopt for anything else.
std::optional<IntTensor> from_proto(const onnx::TensorProto& t);
onnx::TensorProto to_proto(const IntTensor& v);

// numpy broadcasting of any number of operands, element by element (nullopt when the shapes
// do not broadcast or the result is too large to fold). `f` may throw FoldError.
std::optional<IntTensor> broadcast(const std::vector<const IntTensor*>& ins,
                                   const std::function<int64_t(const std::vector<int64_t>&)>& f,
                                   int32_t type);
std::optional<IntTensor> gather(const IntTensor& data, const IntTensor& indices, int64_t axis);
// ONNX Slice: per listed axis, start/end clamped to the axis, any non-zero step.
std::optional<IntTensor> slice(const IntTensor& data, const std::vector<int64_t>& starts,
                               const std::vector<int64_t>& ends, std::vector<int64_t> axes,
                               std::vector<int64_t> steps);
// ONNX Transpose; FoldError when perm is not a permutation of the axes.
std::optional<IntTensor> transpose(const IntTensor& data, std::vector<int64_t> perm);
// ONNX Reshape: 0 copies the input dim (allowzero = 0), -1 takes the rest; FoldError for a
// value below -1 or a second -1, nullopt when the element count differs.
std::optional<IntTensor> reshape(const IntTensor& data, const std::vector<int64_t>& shape);

}  // namespace dnne
