#include "importers/onnx_int_tensor.h"

#include <algorithm>
#include <cstring>

namespace dnne {

std::optional<IntTensor> from_proto(const onnx::TensorProto& t) {
  IntTensor out{.dims = {t.dims().begin(), t.dims().end()}, .type = t.data_type()};
  const int64_t n = element_count(out.dims);
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
  if (static_cast<int64_t>(out.values.size()) != n) return std::nullopt;
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

static std::vector<int64_t> strides_of(const std::vector<int64_t>& dims) {
  std::vector<int64_t> s(dims.size(), 1);
  for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) s[i] = s[i + 1] * dims[i + 1];
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
  IntTensor out{.dims = dims, .type = type};
  const int64_t n = element_count(dims);
  if (n > kMaxIntTensorElements) return std::nullopt;
  const auto out_strides = strides_of(dims);
  std::vector<int64_t> args(ins.size());
  for (int64_t flat = 0; flat < n; ++flat) {
    for (size_t k = 0; k < ins.size(); ++k) {
      const auto& in = *ins[k];
      const auto in_strides = strides_of(in.dims);
      int64_t index = 0;
      for (size_t i = 0; i < in.dims.size(); ++i) {
        const size_t axis = rank - in.dims.size() + i;
        const int64_t coord = (flat / out_strides[axis]) % dims[axis];
        if (in.dims[i] != 1) index += coord * in_strides[i];
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
  const int64_t outer = element_count({data.dims.begin(), data.dims.begin() + axis});
  const int64_t inner = element_count({data.dims.begin() + axis + 1, data.dims.end()});
  const int64_t extent = data.dims[axis];
  IntTensor out{.type = data.type};
  out.dims.assign(data.dims.begin(), data.dims.begin() + axis);
  out.dims.insert(out.dims.end(), indices.dims.begin(), indices.dims.end());
  out.dims.insert(out.dims.end(), data.dims.begin() + axis + 1, data.dims.end());
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
    const int64_t n = data.dims[axis], step = steps[k];
    int64_t start = starts[k] < 0 ? starts[k] + n : starts[k];
    int64_t end = ends[k] < 0 ? ends[k] + n : ends[k];
    auto& c = coords[axis];
    c.clear();
    if (step > 0) {
      start = std::clamp<int64_t>(start, 0, n), end = std::clamp<int64_t>(end, 0, n);
      for (int64_t i = start; i < end; i += step) c.push_back(i);
    } else {
      start = std::clamp<int64_t>(start, -1, n - 1), end = std::clamp<int64_t>(end, -1, n - 1);
      for (int64_t i = start; i > end; i += step) c.push_back(i);
    }
  }
  return pick(data, coords);
}

std::optional<IntTensor> transpose(const IntTensor& data, std::vector<int64_t> perm) {
  const size_t rank = data.dims.size();
  if (perm.empty())
    for (size_t i = 0; i < rank; ++i) perm.insert(perm.begin(), static_cast<int64_t>(i));
  if (perm.size() != rank) return std::nullopt;
  IntTensor out{.type = data.type};
  for (int64_t p : perm) out.dims.push_back(data.dims.at(p));
  const auto in_strides = strides_of(data.dims), out_strides = strides_of(out.dims);
  for (int64_t flat = 0; flat < element_count(out.dims); ++flat) {
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
  for (size_t i = 0; i < shape.size(); ++i) {
    int64_t d = shape[i];
    if (d == 0 && i < data.dims.size()) d = data.dims[i];
    if (d == -1) {
      infer = static_cast<int64_t>(i);
      d = 1;
    } else {
      known *= d;
    }
    out.dims.push_back(d);
  }
  const int64_t n = static_cast<int64_t>(data.values.size());
  if (infer >= 0 && known > 0) out.dims[infer] = n / known;
  if (element_count(out.dims) != n) return std::nullopt;
  return out;
}

}  // namespace dnne
