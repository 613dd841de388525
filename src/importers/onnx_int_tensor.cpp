#include "importers/onnx_int_tensor.h"

#include <algorithm>
#include <cstring>

namespace dnne {

std::optional<int64_t> foldable_elements(const std::vector<int64_t>& dims) {
  if (dims.size() > kMaxIntTensorRank) return std::nullopt;
  int64_t count = 1, bound = 1;  // bound: the product with 0 dims counted as 1
  for (int64_t d : dims) {
    if (d < 0 || d > kMaxIntTensorElements) return std::nullopt;
    bound *= std::max<int64_t>(d, 1);  // both factors <= 2^16: no overflow
    if (bound > kMaxIntTensorElements) return std::nullopt;
    count *= d;
  }
  return count;
}

namespace {
[[noreturn]] void overflow(int64_t a, const char* op, int64_t b) {
  throw FoldError("shape arithmetic overflows int64: " + std::to_string(a) + " " + op + " " +
                  std::to_string(b));
}
void check_divisor(int64_t a, const char* op, int64_t b) {
  if (b == 0)
    throw FoldError("shape arithmetic divides by zero: " + std::to_string(a) + " " + op + " 0");
}
}  // namespace

int64_t fold_add(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) overflow(a, "+", b);
  return out;
}
int64_t fold_sub(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) overflow(a, "-", b);
  return out;
}
int64_t fold_mul(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) overflow(a, "*", b);
  return out;
}
int64_t fold_div(int64_t a, int64_t b) {
  check_divisor(a, "/", b);
  if (a == INT64_MIN && b == -1) overflow(a, "/", b);  // the one quotient int64 cannot hold
  return a / b;
}
int64_t fold_mod(int64_t a, int64_t b, bool fmod) {
  check_divisor(a, "%", b);
  if (b == -1) return 0;  // INT64_MIN % -1 traps on x86, and any a % -1 is 0
  int64_t r = a % b;      // the sign of a; |r| < |b|, so the correction cannot overflow
  if (!fmod && r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
int64_t fold_neg(int64_t a) {
  if (a == INT64_MIN)
    throw FoldError("shape arithmetic overflows int64: -(" + std::to_string(a) + ")");
  return -a;
}
int64_t fold_abs(int64_t a) {
  return a < 0 ? fold_neg(a) : a;
}

std::optional<IntTensor> from_proto(const onnx::TensorProto& t) {
  IntTensor out{.dims = {t.dims().begin(), t.dims().end()}, .type = t.data_type()};
  // Too large (or negative dims, which no tensor has): data, not shape arithmetic.
  const auto n = foldable_elements(out.dims);
  if (!n) return std::nullopt;
  if (t.data_location() == onnx::TensorProto::EXTERNAL) return std::nullopt;
  switch (t.data_type()) {
    case onnx::TensorProto::INT64:
      if (!t.raw_data().empty()) {
        out.values.resize(t.raw_data().size() / 8);
        std::memcpy(out.values.data(), t.raw_data().data(), out.values.size() * 8);
      } else {
        out.values.assign(t.int64_data().begin(), t.int64_data().end());
      }
      break;
    case onnx::TensorProto::INT32:
    case onnx::TensorProto::BOOL:
      if (!t.raw_data().empty()) {
        const size_t width = t.data_type() == onnx::TensorProto::BOOL ? 1 : 4;
        for (size_t i = 0; i + width <= t.raw_data().size(); i += width) {
          int32_t v = 0;
          std::memcpy(&v, t.raw_data().data() + i, width);
          out.values.push_back(v);
        }
      } else {
        out.values.assign(t.int32_data().begin(), t.int32_data().end());
      }
      break;
    default:
      return std::nullopt;
  }
  if (static_cast<int64_t>(out.values.size()) != *n) return std::nullopt;
  return out;
}

onnx::TensorProto to_proto(const IntTensor& v) {
  onnx::TensorProto t;
  for (int64_t d : v.dims) t.add_dims(d);
  t.set_data_type(v.type == onnx::TensorProto::BOOL ? onnx::TensorProto::BOOL
                                                    : onnx::TensorProto::INT64);
  if (t.data_type() == onnx::TensorProto::BOOL) {
    for (int64_t x : v.values) t.add_int32_data(x != 0);
  } else {
    for (int64_t x : v.values) t.add_int64_data(x);
  }
  return t;
}

int64_t normalise_axis(int64_t axis, size_t rank) {
  return axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
}

// Row-major strides; callers pass dims accepted by foldable_elements, so no product overflows.
static std::vector<int64_t> strides_of(const std::vector<int64_t>& dims) {
  std::vector<int64_t> s(dims.size(), 1);
  for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i)
    s[i] = s[i + 1] * std::max<int64_t>(dims[i + 1], 1);
  return s;
}

// numpy broadcasting of any number of operands, element by element.
std::optional<IntTensor> broadcast(const std::vector<const IntTensor*>& ins,
                                   const std::function<int64_t(const std::vector<int64_t>&)>& f,
                                   int32_t type) {
  size_t rank = 0;
  for (const auto* in : ins) rank = std::max(rank, in->dims.size());
  std::vector<int64_t> dims(rank, 1);
  for (const auto* in : ins)
    for (size_t i = 0; i < in->dims.size(); ++i) {
      int64_t& d = dims[rank - in->dims.size() + i];
      if (in->dims[i] == d || in->dims[i] == 1) continue;
      if (d != 1) return std::nullopt;
      d = in->dims[i];
    }
  const auto n = foldable_elements(dims);
  if (!n) return std::nullopt;
  IntTensor out{.dims = dims, .type = type};
  const auto out_strides = strides_of(dims);
  std::vector<std::vector<int64_t>> in_strides;
  for (const auto* in : ins) in_strides.push_back(strides_of(in->dims));
  std::vector<int64_t> args(ins.size());
  for (int64_t flat = 0; flat < *n; ++flat) {
    for (size_t k = 0; k < ins.size(); ++k) {
      const auto& in = *ins[k];
      int64_t index = 0;
      for (size_t i = 0; i < in.dims.size(); ++i) {
        const size_t axis = rank - in.dims.size() + i;
        const int64_t coord = (flat / out_strides[axis]) % dims[axis];
        if (in.dims[i] != 1) index += coord * in_strides[k][i];
      }
      args[k] = in.values[index];
    }
    out.values.push_back(f(args));
  }
  return out;
}

std::optional<IntTensor> gather(const IntTensor& data, const IntTensor& indices, int64_t axis) {
  axis = normalise_axis(axis, data.dims.size());
  if (axis < 0 || axis >= static_cast<int64_t>(data.dims.size())) return std::nullopt;
  IntTensor out{.type = data.type};
  out.dims.assign(data.dims.begin(), data.dims.begin() + axis);
  out.dims.insert(out.dims.end(), indices.dims.begin(), indices.dims.end());
  out.dims.insert(out.dims.end(), data.dims.begin() + axis + 1, data.dims.end());
  if (!foldable_elements(out.dims)) return std::nullopt;  // data dims x index dims: can be 2^32
  const int64_t outer = element_count({data.dims.begin(), data.dims.begin() + axis});
  const int64_t inner = element_count({data.dims.begin() + axis + 1, data.dims.end()});
  const int64_t extent = data.dims[axis];
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t idx : indices.values) {
      if (idx < 0) idx += extent;
      if (idx < 0 || idx >= extent) return std::nullopt;
      for (int64_t i = 0; i < inner; ++i)
        out.values.push_back(data.values[(o * extent + idx) * inner + i]);
    }
  return out;
}

namespace {
// Copies the elements at the given per-axis coordinates (row-major over the output).
IntTensor pick(const IntTensor& data, const std::vector<std::vector<int64_t>>& coords) {
  IntTensor out{.type = data.type};
  for (const auto& c : coords) out.dims.push_back(static_cast<int64_t>(c.size()));
  const auto strides = strides_of(data.dims);
  const int64_t n = element_count(out.dims);
  const auto out_strides = strides_of(out.dims);
  for (int64_t flat = 0; flat < n; ++flat) {
    int64_t index = 0;
    for (size_t a = 0; a < coords.size(); ++a)
      index += coords[a][(flat / out_strides[a]) % out.dims[a]] * strides[a];
    out.values.push_back(data.values[index]);
  }
  return out;
}

}  // namespace

// ONNX Slice: per listed axis, start/end clamped to the axis, any non-zero step.
std::optional<IntTensor> slice(const IntTensor& data, const std::vector<int64_t>& starts,
                               const std::vector<int64_t>& ends, std::vector<int64_t> axes,
                               std::vector<int64_t> steps) {
  const size_t rank = data.dims.size();
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    return std::nullopt;
  std::vector<std::vector<int64_t>> coords(rank);
  for (size_t a = 0; a < rank; ++a)
    for (int64_t i = 0; i < data.dims[a]; ++i) coords[a].push_back(i);
  for (size_t k = 0; k < starts.size(); ++k) {
    const int64_t axis = normalise_axis(axes[k], rank);
    if (axis < 0 || axis >= static_cast<int64_t>(rank) || steps[k] == 0) return std::nullopt;
    // n <= 2^16 and start/end are clamped to [-1, n] before any step is added: no overflow.
    const int64_t n = data.dims[axis], step = steps[k];
    int64_t start = starts[k] < 0 ? starts[k] + n : starts[k];
    int64_t end = ends[k] < 0 ? ends[k] + n : ends[k];
    auto& c = coords[axis];
    c.clear();
    if (step > 0) {
      start = std::clamp<int64_t>(start, 0, n), end = std::clamp<int64_t>(end, 0, n);
      for (int64_t i = start; i < end; i = step >= end - i ? end : i + step) c.push_back(i);
    } else {
      start = std::clamp<int64_t>(start, -1, n - 1), end = std::clamp<int64_t>(end, -1, n - 1);
      for (int64_t i = start; i > end; i = step <= end - i ? end : i + step) c.push_back(i);
    }
  }
  return pick(data, coords);
}

std::optional<IntTensor> transpose(const IntTensor& data, std::vector<int64_t> perm) {
  const size_t rank = data.dims.size();
  if (perm.empty())
    for (size_t i = 0; i < rank; ++i) perm.insert(perm.begin(), static_cast<int64_t>(i));
  std::vector<bool> seen(rank, false);
  for (int64_t p : perm) {
    if (perm.size() != rank || p < 0 || p >= static_cast<int64_t>(rank) || seen[p])
      throw FoldError("perm is not a permutation of the input's " + std::to_string(rank) + " axes");
    seen[p] = true;
  }
  IntTensor out{.type = data.type};
  for (int64_t p : perm) out.dims.push_back(data.dims[p]);
  const auto in_strides = strides_of(data.dims), out_strides = strides_of(out.dims);
  const int64_t n = element_count(out.dims);
  for (int64_t flat = 0; flat < n; ++flat) {
    int64_t index = 0;
    for (size_t a = 0; a < rank; ++a)
      index += ((flat / out_strides[a]) % out.dims[a]) * in_strides[perm[a]];
    out.values.push_back(data.values[index]);
  }
  return out;
}

// ONNX Reshape: 0 copies the input dim (allowzero = 0), -1 takes the rest.
std::optional<IntTensor> reshape(const IntTensor& data, const std::vector<int64_t>& shape) {
  IntTensor out = data;
  out.dims.clear();
  int64_t known = 1, infer = -1;
  bool fits = true;  // the product of the given dims stays within int64
  for (size_t i = 0; i < shape.size(); ++i) {
    int64_t d = shape[i];
    if (d == 0 && i < data.dims.size()) d = data.dims[i];
    if (d < -1)
      throw FoldError("Reshape target dimension " + std::to_string(d) +
                      " is not a size, 0 (copy) or -1 (infer)");
    if (d == -1) {
      if (infer >= 0) throw FoldError("Reshape target has more than one -1");
      infer = static_cast<int64_t>(i);
      d = 1;
    } else {
      fits = fits && !__builtin_mul_overflow(known, d, &known);
    }
    out.dims.push_back(d);
  }
  const int64_t n = static_cast<int64_t>(data.values.size());
  if (!fits) return std::nullopt;
  if (infer >= 0 && known > 0) out.dims[infer] = n / known;
  if (element_count(out.dims) != n || !foldable_elements(out.dims)) return std::nullopt;
  return out;
}

}  // namespace dnne
