#include "importers/onnx_constants.h"

#include <algorithm>
#include <functional>

#include "importers/onnx_attrs.h"
#include "importers/onnx_graph.h"
#include "importers/onnx_int_tensor.h"

namespace dnne {

namespace {
using ValueTable = std::unordered_map<std::string, IntTensor>;

// The target dims of ConstantOfShape and Expand: a negative one is no shape at all.
void check_target_dims(const std::vector<int64_t>& dims) {
  for (int64_t d : dims)
    if (d < 0)
      throw FoldError("target shape has dimension " + std::to_string(d) + " (dimensions are >= 0)");
}

// How many values Range(start, limit, delta) has, computed without overflow (the difference
// of two int64 fits a uint64); nullopt past the fold cap. Throws FoldError for delta 0.
std::optional<int64_t> range_count(int64_t start, int64_t limit, int64_t delta) {
  if (delta == 0) throw FoldError("Range with delta 0 never reaches its limit");
  if (delta > 0 ? limit <= start : limit >= start) return 0;
  const uint64_t span = delta > 0 ? static_cast<uint64_t>(limit) - static_cast<uint64_t>(start)
                                  : static_cast<uint64_t>(start) - static_cast<uint64_t>(limit);
  const uint64_t step = delta > 0 ? static_cast<uint64_t>(delta)
                                  : static_cast<uint64_t>(-(delta + 1)) + 1;  // |INT64_MIN| too
  const uint64_t count = span / step + (span % step != 0);
  if (count > static_cast<uint64_t>(kMaxIntTensorElements)) return std::nullopt;
  return static_cast<int64_t>(count);
}

// One node's integer output, or nullopt when it cannot (or need not) be evaluated. Throws
// FoldError for arithmetic no model can mean (overflow, division by zero, invalid operands).
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
  // An optional input left out ("") is a null operand even when all_known.
  auto arg = [&](size_t i) -> const IntTensor* { return i < in.size() ? in[i] : nullptr; };
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
    if (const auto* a = find_attribute(node, "value_ints")) {
      if (a->ints_size() > kMaxIntTensorElements) return std::nullopt;
      return IntTensor{.dims = {a->ints_size()}, .values = {a->ints().begin(), a->ints().end()}};
    }
    return std::nullopt;
  }
  if (op == "ConstantOfShape") {
    if (!arg(0)) return std::nullopt;
    IntTensor out{.dims = in[0]->values};
    check_target_dims(out.dims);
    const auto n = foldable_elements(out.dims);  // before materialising: 2^40 zeros is data
    if (!n) return std::nullopt;
    int64_t fill = 0;
    if (const auto* a = find_attribute(node, "value")) {
      auto v = from_proto(a->t());
      if (!v || v->values.empty()) return std::nullopt;  // a float fill: not a shape value
      fill = v->values[0];
      out.type = v->type;
    } else {
      return std::nullopt;  // the default fill is float 0
    }
    out.values.assign(static_cast<size_t>(*n), fill);
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
    if (!axes && arg(1)) axes = in[1]->values;
    IntTensor out = x;
    if (op == "Unsqueeze") {
      if (!axes) return std::nullopt;
      const size_t rank = x.dims.size() + axes->size();
      if (rank > kMaxIntTensorRank) return std::nullopt;
      std::vector<bool> inserted(rank, false);
      for (int64_t a : *axes) {
        a = normalise_axis(a, rank);
        // Out of range or repeated: invalid (ONNX's inference and our axis check report it).
        if (a < 0 || a >= static_cast<int64_t>(rank) || inserted[a]) return std::nullopt;
        inserted[a] = true;
      }
      out.dims.clear();
      for (size_t i = 0, j = 0; i < rank; ++i) out.dims.push_back(inserted[i] ? 1 : x.dims[j++]);
    } else {
      const auto rank = static_cast<int64_t>(x.dims.size());
      std::vector<bool> drop(x.dims.size(), !axes);
      for (size_t i = 0; !axes && i < x.dims.size(); ++i) drop[i] = x.dims[i] == 1;
      for (int64_t a : axes.value_or(std::vector<int64_t>{})) {
        a = normalise_axis(a, x.dims.size());
        if (a < 0 || a >= rank || x.dims[a] != 1) return std::nullopt;  // not a unit axis
        drop[a] = true;
      }
      out.dims.clear();
      for (size_t i = 0; i < x.dims.size(); ++i)
        if (!drop[i]) out.dims.push_back(x.dims[i]);
    }
    return out;
  }
  if (op == "Concat") {
    IntTensor out{.type = x.type};
    const int64_t axis = attr_int(node, "axis", 0);
    if (x.dims.size() != 1 || (axis != 0 && axis != -1)) return std::nullopt;
    for (const auto* t : in) {
      if (!t || t->dims.size() != 1) return std::nullopt;
      if (static_cast<int64_t>(out.values.size() + t->values.size()) > kMaxIntTensorElements)
        return std::nullopt;
      out.values.insert(out.values.end(), t->values.begin(), t->values.end());
    }
    out.dims = {static_cast<int64_t>(out.values.size())};
    return out;
  }
  if (op == "Gather") {
    if (!arg(1)) return std::nullopt;
    return gather(x, *in[1], attr_int(node, "axis", 0));
  }
  if (op == "Slice") {
    if (auto starts = attr_ints(node, "starts"))  // opset < 10: attributes
      return slice(x, *starts, attr_ints(node, "ends").value_or(std::vector<int64_t>{}),
                   attr_ints(node, "axes").value_or(std::vector<int64_t>{}), {});
    if (!arg(1) || !arg(2)) return std::nullopt;
    return slice(x, in[1]->values, in[2]->values, arg(3) ? in[3]->values : std::vector<int64_t>{},
                 arg(4) ? in[4]->values : std::vector<int64_t>{});
  }
  if (op == "Transpose")
    return transpose(x, attr_ints(node, "perm").value_or(std::vector<int64_t>{}));
  if (op == "Reshape" && arg(1)) return reshape(x, in[1]->values);
  if (op == "Flatten") {
    const int64_t axis = normalise_axis(attr_int(node, "axis", 1), x.dims.size());
    if (axis < 0 || axis > static_cast<int64_t>(x.dims.size())) return std::nullopt;
    const int64_t outer = element_count({x.dims.begin(), x.dims.begin() + axis});
    return reshape(x, {outer, -1});
  }
  if (op == "Range") {
    if (!arg(1) || !arg(2) || x.values.empty() || in[1]->values.empty() || in[2]->values.empty())
      return std::nullopt;
    const int64_t start = x.values[0], limit = in[1]->values[0], delta = in[2]->values[0];
    const auto count = range_count(start, limit, delta);
    if (!count) return std::nullopt;  // a long Range is data (position ids), not a shape
    IntTensor out{.dims = {*count}, .type = x.type};
    // Every value lies between start and limit; the step past the last is never taken.
    for (int64_t i = 0, v = start; i < *count; ++i, v = i < *count ? v + delta : v)
      out.values.push_back(v);
    return out;
  }
  if (op == "ReduceProd" && x.dims.size() <= 1 && !find_attribute(node, "axes")) {
    int64_t p = 1;
    for (int64_t v : x.values) p = fold_mul(p, v);
    IntTensor out{.values = {p}};
    if (attr_int(node, "keepdims", 1)) out.dims = {1};
    return out;
  }
  if (op == "Neg" || op == "Abs" || op == "Not") {
    IntTensor out = x;
    for (int64_t& v : out.values) v = op == "Neg" ? fold_neg(v) : op == "Abs" ? fold_abs(v) : !v;
    return out;
  }
  if (op == "Expand") {
    if (!arg(1)) return std::nullopt;
    IntTensor target{.dims = in[1]->values};
    check_target_dims(target.dims);
    // The result is at least as large as the target: a target too large to fold is data.
    const auto n = foldable_elements(target.dims);
    if (!n) return std::nullopt;
    target.values.assign(static_cast<size_t>(*n), 0);
    return broadcast(
        {&x, &target}, [](const std::vector<int64_t>& a) { return a[0]; }, x.type);
  }
  if (op == "Mod" && arg(1)) {
    const bool fmod = attr_int(node, "fmod", 0) != 0;
    return broadcast(
        {&x, in[1]}, [fmod](const std::vector<int64_t>& a) { return fold_mod(a[0], a[1], fmod); },
        x.type);
  }
  using Fn = std::function<int64_t(const std::vector<int64_t>&)>;
  static const std::unordered_map<std::string, std::pair<Fn, bool>> kBinary = {
      {"Add", {[](const std::vector<int64_t>& a) { return fold_add(a[0], a[1]); }, false}},
      {"Sub", {[](const std::vector<int64_t>& a) { return fold_sub(a[0], a[1]); }, false}},
      {"Mul", {[](const std::vector<int64_t>& a) { return fold_mul(a[0], a[1]); }, false}},
      {"Div", {[](const std::vector<int64_t>& a) { return fold_div(a[0], a[1]); }, false}},
      {"Max", {[](const std::vector<int64_t>& a) { return std::max(a[0], a[1]); }, false}},
      {"Min", {[](const std::vector<int64_t>& a) { return std::min(a[0], a[1]); }, false}},
      {"Equal", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] == a[1]; }, true}},
      {"Less", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] < a[1]; }, true}},
      {"Greater", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] > a[1]; }, true}},
      {"And", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] && a[1]; }, true}},
      {"Or", {[](const std::vector<int64_t>& a) -> int64_t { return a[0] || a[1]; }, true}},
  };
  if (auto it = kBinary.find(op); it != kBinary.end() && in.size() == 2 && arg(1))
    return broadcast({&x, in[1]}, it->second.first,
                     it->second.second ? onnx::TensorProto::BOOL : x.type);
  if (op == "Where" && in.size() == 3 && arg(1) && arg(2))
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

int fold_shape_constants(onnx::GraphProto& graph, const DimsTable& dims, const std::string& path,
                         int64_t opset) {
  ValueTable values;
  for (const auto& init : graph.initializer())
    if (auto v = from_proto(init)) values.emplace(init.name(), std::move(*v));
  int replaced = 0;
  for (auto& node : *graph.mutable_node()) {
    if (node.output_size() != 1 || !node.domain().empty()) continue;
    std::optional<IntTensor> value;
    try {
      value = evaluate(node, values, dims);
    } catch (const FoldError& e) {
      throw_node_error(path, node, opset, e.what());
    }
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
