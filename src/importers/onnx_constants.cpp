#include "importers/onnx_constants.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>

namespace dnne {

namespace {
// An integer tensor's value (bool as 0/1), row-major.
struct IntTensor {
  std::vector<int64_t> dims;
  std::vector<int64_t> values;
  int32_t type = onnx::TensorProto::INT64;
};

using ValueTable = std::unordered_map<std::string, IntTensor>;

// Shape arithmetic works on short vectors; a larger integer tensor is data, not a shape.
constexpr int64_t kMaxElements = 1 << 16;

int64_t count(const std::vector<int64_t>& dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  return n;
}

std::optional<IntTensor> from_proto(const onnx::TensorProto& t) {
  IntTensor out{.dims = {t.dims().begin(), t.dims().end()}, .type = t.data_type()};
  const int64_t n = count(out.dims);
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
    default: return std::nullopt;
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

const onnx::AttributeProto* attribute(const onnx::NodeProto& node, const std::string& name) {
  for (const auto& a : node.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}
int64_t attr_int(const onnx::NodeProto& node, const std::string& name, int64_t fallback) {
  const auto* a = attribute(node, name);
  return a ? a->i() : fallback;
}
std::optional<std::vector<int64_t>> attr_ints(const onnx::NodeProto& node,
                                              const std::string& name) {
  const auto* a = attribute(node, name);
  if (!a) return std::nullopt;
  return std::vector<int64_t>(a->ints().begin(), a->ints().end());
}

int64_t normalise_axis(int64_t axis, size_t rank) {
  return axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
}

std::vector<int64_t> strides_of(const std::vector<int64_t>& dims) {
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
  const int64_t n = count(dims);
  if (n > kMaxElements) return std::nullopt;
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
  const int64_t outer = count({data.dims.begin(), data.dims.begin() + axis});
  const int64_t inner = count({data.dims.begin() + axis + 1, data.dims.end()});
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

// Copies the elements at the given per-axis coordinates (row-major over the output).
IntTensor pick(const IntTensor& data, const std::vector<std::vector<int64_t>>& coords) {
  IntTensor out{.type = data.type};
  for (const auto& c : coords) out.dims.push_back(static_cast<int64_t>(c.size()));
  const auto strides = strides_of(data.dims);
  const int64_t n = count(out.dims);
  const auto out_strides = strides_of(out.dims);
  for (int64_t flat = 0; flat < n; ++flat) {
    int64_t index = 0;
    for (size_t a = 0; a < coords.size(); ++a)
      index += coords[a][(flat / out_strides[a]) % out.dims[a]] * strides[a];
    out.values.push_back(data.values[index]);
  }
  return out;
}

// ONNX Slice: per listed axis, start/end clamped to the axis, any non-zero step.
std::optional<IntTensor> slice(const IntTensor& data, const std::vector<int64_t>& starts,
                               const std::vector<int64_t>& ends, std::vector<int64_t> axes,
                               std::vector<int64_t> steps) {
  const size_t rank = data.dims.size();
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
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
  for (int64_t flat = 0; flat < count(out.dims); ++flat) {
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
  if (count(out.dims) != n) return std::nullopt;
  return out;
}

int64_t floor_div(int64_t a, int64_t b) {
  if (b == 0) return 0;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// One node's integer output, or nullopt when it cannot (or need not) be evaluated.
std::optional<IntTensor> evaluate(const onnx::NodeProto& node, const ValueTable& values,
                                  const DimsTable& dims) {
  const std::string& op = node.op_type();
  std::vector<const IntTensor*> in;
  bool all_known = true;
  for (const auto& name : node.input()) {
    auto it = values.find(name);
    in.push_back(it == values.end() ? nullptr : &it->second);
    if (!name.empty() && it == values.end()) all_known = false;
  }
  if (op == "Shape" || op == "Size") {
    auto it = dims.find(node.input(0));
    if (it == dims.end()) return std::nullopt;
    const auto& d = it->second;
    if (std::any_of(d.begin(), d.end(), [](int64_t x) { return x < 0; })) return std::nullopt;
    if (op == "Size") return IntTensor{.dims = {}, .values = {count(d)}};
    const auto rank = static_cast<int64_t>(d.size());
    int64_t start = normalise_axis(attr_int(node, "start", 0), d.size());
    int64_t end = normalise_axis(attr_int(node, "end", rank), d.size());
    start = std::clamp<int64_t>(start, 0, rank), end = std::clamp<int64_t>(end, 0, rank);
    IntTensor out;
    for (int64_t i = start; i < end; ++i) out.values.push_back(d[i]);
    out.dims = {static_cast<int64_t>(out.values.size())};
    return out;
  }
  if (op == "Constant") {
    if (const auto* a = attribute(node, "value")) return from_proto(a->t());
    if (const auto* a = attribute(node, "value_int")) return IntTensor{.values = {a->i()}};
    if (const auto* a = attribute(node, "value_ints"))
      return IntTensor{.dims = {a->ints_size()}, .values = {a->ints().begin(), a->ints().end()}};
    return std::nullopt;
  }
  if (op == "ConstantOfShape") {
    if (!in[0]) return std::nullopt;
    IntTensor out{.dims = in[0]->values};
    if (count(out.dims) > kMaxElements) return std::nullopt;
    int64_t fill = 0;
    if (const auto* a = attribute(node, "value")) {
      auto v = from_proto(a->t());
      if (!v || v->values.empty()) return std::nullopt;  // a float fill: not a shape value
      fill = v->values[0];
      out.type = v->type;
    } else {
      return std::nullopt;  // the default fill is float 0
    }
    out.values.assign(static_cast<size_t>(count(out.dims)), fill);
    return out;
  }
  if (!all_known || in.empty() || !in[0]) return std::nullopt;
  const IntTensor& x = *in[0];
  if (op == "Identity") return x;
  if (op == "Cast") {
    const int64_t to = attr_int(node, "to", 0);
    if (to != onnx::TensorProto::INT64 && to != onnx::TensorProto::INT32 &&
        to != onnx::TensorProto::BOOL)
      return std::nullopt;
    IntTensor out = x;
    out.type = static_cast<int32_t>(to);
    if (to == onnx::TensorProto::BOOL)
      for (int64_t& v : out.values) v = v != 0;
    return out;
  }
  if (op == "Unsqueeze" || op == "Squeeze") {
    auto axes = attr_ints(node, "axes");
    if (!axes && in.size() > 1 && in[1]) axes = in[1]->values;
    IntTensor out = x;
    if (op == "Unsqueeze") {
      if (!axes) return std::nullopt;
      const size_t rank = x.dims.size() + axes->size();
      std::vector<bool> inserted(rank, false);
      for (int64_t a : *axes) {
        a = normalise_axis(a, rank);
        if (a < 0 || a >= static_cast<int64_t>(rank)) return std::nullopt;
        inserted[a] = true;
      }
      out.dims.clear();
      for (size_t i = 0, j = 0; i < rank; ++i) out.dims.push_back(inserted[i] ? 1 : x.dims[j++]);
    } else {
      out.dims.clear();
      for (size_t i = 0; i < x.dims.size(); ++i) {
        bool drop = !axes && x.dims[i] == 1;
        if (axes)
          for (int64_t a : *axes) drop |= normalise_axis(a, x.dims.size()) == static_cast<int64_t>(i);
        if (!drop) out.dims.push_back(x.dims[i]);
      }
    }
    return out;
  }
  if (op == "Concat") {
    IntTensor out{.type = x.type};
    if (x.dims.size() != 1) return std::nullopt;
    for (const auto* t : in) {
      if (!t || t->dims.size() != 1) return std::nullopt;
      out.values.insert(out.values.end(), t->values.begin(), t->values.end());
    }
    out.dims = {static_cast<int64_t>(out.values.size())};
    return out;
  }
  if (op == "Gather") {
    if (in.size() < 2) return std::nullopt;
    return gather(x, *in[1], attr_int(node, "axis", 0));
  }
  if (op == "Slice") {
    if (auto starts = attr_ints(node, "starts"))  // opset < 10: attributes
      return slice(x, *starts, attr_ints(node, "ends").value_or(std::vector<int64_t>{}),
                   attr_ints(node, "axes").value_or(std::vector<int64_t>{}), {});
    if (in.size() < 3) return std::nullopt;
    return slice(x, in[1]->values, in[2]->values,
                 in.size() > 3 && in[3] ? in[3]->values : std::vector<int64_t>{},
                 in.size() > 4 && in[4] ? in[4]->values : std::vector<int64_t>{});
  }
  if (op == "Transpose")
    return transpose(x, attr_ints(node, "perm").value_or(std::vector<int64_t>{}));
  if (op == "Reshape" && in.size() == 2) return reshape(x, in[1]->values);
  if (op == "Flatten") {
    const int64_t axis = normalise_axis(attr_int(node, "axis", 1), x.dims.size());
    const int64_t outer = count({x.dims.begin(), x.dims.begin() + axis});
    return reshape(x, {outer, -1});
  }
  if (op == "Range") {
    if (in.size() < 3 || in[2]->values.empty() || in[2]->values[0] == 0) return std::nullopt;
    IntTensor out;
    const int64_t start = x.values.at(0), limit = in[1]->values.at(0), delta = in[2]->values[0];
    for (int64_t v = start; delta > 0 ? v < limit : v > limit; v += delta) out.values.push_back(v);
    out.dims = {static_cast<int64_t>(out.values.size())};
    return out;
  }
  if (op == "ReduceProd" && x.dims.size() <= 1 && !attribute(node, "axes")) {
    int64_t p = 1;
    for (int64_t v : x.values) p *= v;
    IntTensor out{.values = {p}};
    if (attr_int(node, "keepdims", 1)) out.dims = {1};
    return out;
  }
  if (op == "Neg" || op == "Abs" || op == "Not") {
    IntTensor out = x;
    for (int64_t& v : out.values) v = op == "Neg" ? -v : op == "Abs" ? std::abs(v) : !v;
    return out;
  }
  if (op == "Expand" && in.size() == 2) {
    IntTensor target{.dims = {static_cast<int64_t>(in[1]->values.size())}};
    target.dims = in[1]->values;
    target.values.assign(static_cast<size_t>(count(target.dims)), 0);
    return broadcast({&x, &target}, [](const std::vector<int64_t>& a) { return a[0]; }, x.type);
  }
  using Fn = std::function<int64_t(const std::vector<int64_t>&)>;
  static const std::unordered_map<std::string, std::pair<Fn, bool>> kBinary = {
      {"Add", {[](const std::vector<int64_t>& a) { return a[0] + a[1]; }, false}},
      {"Sub", {[](const std::vector<int64_t>& a) { return a[0] - a[1]; }, false}},
      {"Mul", {[](const std::vector<int64_t>& a) { return a[0] * a[1]; }, false}},
      {"Div", {[](const std::vector<int64_t>& a) { return a[1] ? a[0] / a[1] : 0; }, false}},
      {"Mod", {[](const std::vector<int64_t>& a) { return a[0] - floor_div(a[0], a[1]) * a[1]; }, false}},
      {"Max", {[](const std::vector<int64_t>& a) { return std::max(a[0], a[1]); }, false}},
      {"Min", {[](const std::vector<int64_t>& a) { return std::min(a[0], a[1]); }, false}},
      {"Equal", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] == a[1]; }, true}},
      {"Less", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] < a[1]; }, true}},
      {"Greater", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] > a[1]; }, true}},
      {"And", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] && a[1]; }, true}},
      {"Or", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] || a[1]; }, true}},
  };
  if (auto it = kBinary.find(op); it != kBinary.end() && in.size() == 2)
    return broadcast({&x, in[1]}, it->second.first,
                     it->second.second ? onnx::TensorProto::BOOL : x.type);
  if (op == "Where" && in.size() == 3)
    return broadcast({&x, in[1], in[2]},
                     [](const std::vector<int64_t>& a) { return a[0] ? a[1] : a[2]; }, in[1]->type);
  return std::nullopt;
}
}  // namespace

std::optional<std::vector<int64_t>> integer_values(const onnx::TensorProto& tensor) {
  auto value = from_proto(tensor);
  if (!value) return std::nullopt;
  return std::move(value->values);
}

int fold_shape_constants(onnx::GraphProto& graph, const DimsTable& dims) {
  ValueTable values;
  for (const auto& init : graph.initializer())
    if (auto v = from_proto(init)) values.emplace(init.name(), std::move(*v));
  int replaced = 0;
  for (auto& node : *graph.mutable_node()) {
    if (node.output_size() != 1 || !node.domain().empty()) continue;
    auto value = evaluate(node, values, dims);
    if (!value) continue;
    if (node.op_type() != "Constant") {
      const std::string output = node.output(0), name = node.name();
      node.Clear();
      node.set_op_type("Constant");
      node.set_name(name);
      node.add_output(output);
      auto* attr = node.add_attribute();
      attr->set_name("value");
      attr->set_type(onnx::AttributeProto::TENSOR);
      *attr->mutable_t() = to_proto(*value);
      ++replaced;
    }
    values.emplace(node.output(0), std::move(*value));
  }
  return replaced;
}

}  // namespace dnne
