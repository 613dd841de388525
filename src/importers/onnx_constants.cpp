#include "importers/onnx_constants.h"

#include <algorithm>
#include <functional>

#include "importers/onnx_attrs.h"
#include "importers/onnx_int_tensor.h"

namespace dnne {

namespace {
using ValueTable = std::unordered_map<std::string, IntTensor>;

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
    if (op == "Size") return IntTensor{.dims = {}, .values = {element_count(d)}};
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
    if (const auto* a = find_attribute(node, "value")) return from_proto(a->t());
    if (const auto* a = find_attribute(node, "value_int")) return IntTensor{.values = {a->i()}};
    if (const auto* a = find_attribute(node, "value_ints"))
      return IntTensor{.dims = {a->ints_size()}, .values = {a->ints().begin(), a->ints().end()}};
    return std::nullopt;
  }
  if (op == "ConstantOfShape") {
    if (!in[0]) return std::nullopt;
    IntTensor out{.dims = in[0]->values};
    if (element_count(out.dims) > kMaxIntTensorElements) return std::nullopt;
    int64_t fill = 0;
    if (const auto* a = find_attribute(node, "value")) {
      auto v = from_proto(a->t());
      if (!v || v->values.empty()) return std::nullopt;  // a float fill: not a shape value
      fill = v->values[0];
      out.type = v->type;
    } else {
      return std::nullopt;  // the default fill is float 0
    }
    out.values.assign(static_cast<size_t>(element_count(out.dims)), fill);
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
          for (int64_t a : *axes)
            drop |= normalise_axis(a, x.dims.size()) == static_cast<int64_t>(i);
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
    const int64_t outer = element_count({x.dims.begin(), x.dims.begin() + axis});
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
  if (op == "ReduceProd" && x.dims.size() <= 1 && !find_attribute(node, "axes")) {
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
    target.values.assign(static_cast<size_t>(element_count(target.dims)), 0);
    return broadcast(
        {&x, &target}, [](const std::vector<int64_t>& a) { return a[0]; }, x.type);
  }
  using Fn = std::function<int64_t(const std::vector<int64_t>&)>;
  static const std::unordered_map<std::string, std::pair<Fn, bool>> kBinary = {
      {"Add", {[](const std::vector<int64_t>& a) { return a[0] + a[1]; }, false}},
      {"Sub", {[](const std::vector<int64_t>& a) { return a[0] - a[1]; }, false}},
      {"Mul", {[](const std::vector<int64_t>& a) { return a[0] * a[1]; }, false}},
      {"Div", {[](const std::vector<int64_t>& a) { return a[1] ? a[0] / a[1] : 0; }, false}},
      {"Mod",
       {[](const std::vector<int64_t>& a) { return a[0] - floor_div(a[0], a[1]) * a[1]; }, false}},
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
    return broadcast(
        {&x, in[1], in[2]}, [](const std::vector<int64_t>& a) { return a[0] ? a[1] : a[2]; },
        in[1]->type);
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
