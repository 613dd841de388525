#include "importers/onnx_attrs.h"

#include "util/checked_int.h"

namespace dnne {

const onnx::AttributeProto* find_attribute(const onnx::NodeProto& node, const std::string& name) {
  for (const auto& a : node.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}

int64_t attr_int(const onnx::NodeProto& node, const std::string& name, int64_t fallback) {
  const auto* a = find_attribute(node, name);
  return a ? a->i() : fallback;
}

float attr_float(const onnx::NodeProto& node, const std::string& name, float fallback) {
  const auto* a = find_attribute(node, name);
  return a ? a->f() : fallback;
}

std::string attr_string(const onnx::NodeProto& node, const std::string& name,
                        const std::string& fallback) {
  const auto* a = find_attribute(node, name);
  return a ? a->s() : fallback;
}

std::optional<std::vector<int64_t>> attr_ints(const onnx::NodeProto& node,
                                              const std::string& name) {
  const auto* a = find_attribute(node, name);
  if (!a) return std::nullopt;
  return std::vector<int64_t>(a->ints().begin(), a->ints().end());
}

onnx::NodeProto as_2d_window(const onnx::NodeProto& node) {
  onnx::NodeProto out = node;
  for (auto& a : *out.mutable_attribute()) {
    if (a.type() != onnx::AttributeProto::INTS || a.ints_size() == 0) continue;
    std::vector<int64_t> v(a.ints().begin(), a.ints().end());
    std::vector<int64_t> widened;
    if (a.name() == "pads" && v.size() == 2) {
      widened = {0, v[0], 0, v[1]};
    } else if (v.size() == 1 &&
               (a.name() == "kernel_shape" || a.name() == "strides" || a.name() == "dilations" ||
                a.name() == "output_padding" || a.name() == "output_shape")) {
      widened = {a.name() == "output_padding" ? 0 : 1, v[0]};
    } else {
      continue;
    }
    a.clear_ints();
    for (int64_t x : widened) a.add_ints(x);
  }
  return out;
}

namespace {
std::vector<int64_t> pair_attr(OnnxContext& ctx, const onnx::NodeProto& node,
                               const std::string& name, int64_t fallback) {
  auto v = attr_ints(node, name).value_or(std::vector<int64_t>{fallback, fallback});
  if (v.size() != 2)
    ctx.fail(node,
             name + " has " + std::to_string(v.size()) + " values, expected 2 for a 2-D window");
  return v;
}

// ONNX's SAME padding of one axis: {begin, end}.
std::pair<int, int> same_pads(int64_t in, int64_t k, int64_t stride, int64_t dilation, bool upper) {
  const int64_t out = (in + stride - 1) / stride;
  const int64_t total = std::max<int64_t>(0, (out - 1) * stride + (k - 1) * dilation + 1 - in);
  const int64_t small = total / 2, large = total - small;
  return upper ? std::pair<int, int>(small, large) : std::pair<int, int>(large, small);
}
}  // namespace

int window_int(OnnxContext& ctx, const onnx::NodeProto& node, const std::string& what,
               int64_t value, int64_t lo) {
  const auto v = narrow_int(value, lo, kMaxWindowValue);
  if (!v) ctx.fail(node, outside_range(what, value, lo, kMaxWindowValue));
  return *v;
}

Window2d window_attributes(OnnxContext& ctx, const onnx::NodeProto& node, int64_t in_h,
                           int64_t in_w, int64_t kernel_h, int64_t kernel_w) {
  const auto strides = pair_attr(ctx, node, "strides", 1);
  const auto dilations = pair_attr(ctx, node, "dilations", 1);
  // Narrowed with a range check: a stride of 2^32 + 1 must not become 1.
  Window2d w{.kernel_h = window_int(ctx, node, "kernel height", kernel_h, 1),
             .kernel_w = window_int(ctx, node, "kernel width", kernel_w, 1),
             .stride_h = window_int(ctx, node, "strides", strides[0], 1),
             .stride_w = window_int(ctx, node, "strides", strides[1], 1),
             .dilation_h = window_int(ctx, node, "dilations", dilations[0], 1),
             .dilation_w = window_int(ctx, node, "dilations", dilations[1], 1)};
  const std::string auto_pad = attr_string(node, "auto_pad", "NOTSET");
  if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
    const bool upper = auto_pad == "SAME_UPPER";
    std::tie(w.pad_top, w.pad_bottom) = same_pads(in_h, kernel_h, w.stride_h, w.dilation_h, upper);
    std::tie(w.pad_left, w.pad_right) = same_pads(in_w, kernel_w, w.stride_w, w.dilation_w, upper);
  } else if (auto_pad == "NOTSET") {
    auto pads = attr_ints(node, "pads").value_or(std::vector<int64_t>{0, 0, 0, 0});
    if (pads.size() != 4)
      ctx.fail(node,
               "pads has " + std::to_string(pads.size()) + " values, expected 4 for a 2-D window");
    w.pad_top = window_int(ctx, node, "pads", pads[0], 0);
    w.pad_left = window_int(ctx, node, "pads", pads[1], 0);
    w.pad_bottom = window_int(ctx, node, "pads", pads[2], 0);
    w.pad_right = window_int(ctx, node, "pads", pads[3], 0);
  } else if (auto_pad != "VALID") {
    ctx.fail(node, "auto_pad '" + auto_pad + "' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
  }
  return w;
}

}  // namespace dnne
