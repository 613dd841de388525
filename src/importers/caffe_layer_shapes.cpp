#include "importers/caffe_layer_shapes.h"

#include "util/expected.h"

namespace dnne {

namespace {
[[noreturn]] void fail(const std::string& layer, const std::string& what) {
  throw InputError("layer " + layer + ": " + what);
}

// Caffe's Blob::CanonicalAxisIndex over the full rank, batch included.
int canonical_axis(const std::string& layer, const char* field, int axis, int full_rank) {
  const int a = axis < 0 ? axis + full_rank : axis;
  if (a < 0 || a >= full_rank)
    fail(layer, std::string(field) + " " + std::to_string(axis) + " is outside a blob of " +
                    std::to_string(full_rank) + " axes");
  return a;
}
}  // namespace

int caffe_frame_axis(const std::string& layer, const char* field, int axis, size_t frame_rank) {
  const int a = canonical_axis(layer, field, axis, static_cast<int>(frame_rank) + 1);
  if (a == 0)
    fail(layer, std::string(field) + " " + std::to_string(axis) +
                    " is the batch axis; only per-frame axes are supported");
  return a - 1;
}

Shape caffe_flatten_shape(const std::string& layer, const Shape& input,
                          const caffe::FlattenParameter& p) {
  const int begin = caffe_frame_axis(layer, "flatten_param.axis", p.axis(), input.size());
  const int end = caffe_frame_axis(layer, "flatten_param.end_axis", p.end_axis(), input.size());
  if (end < begin) fail(layer, "flatten_param.end_axis comes before axis");
  Shape out(input.begin(), input.begin() + begin);
  int64_t merged = 1;
  for (int i = begin; i <= end; ++i) merged *= input[i];
  out.push_back(merged);
  out.insert(out.end(), input.begin() + end + 1, input.end());
  return out;
}

std::vector<Shape> caffe_slice_shapes(const std::string& layer, const Shape& input,
                                      const caffe::SliceParameter& p, int tops) {
  // slice_dim is the deprecated alias of axis.
  const int caffe_axis =
      !p.has_axis() && p.has_slice_dim() ? static_cast<int>(p.slice_dim()) : p.axis();
  const int axis = caffe_frame_axis(layer, "slice_param.axis", caffe_axis, input.size());
  const int64_t extent = input[axis];
  std::vector<int64_t> cuts;  // part boundaries, 0 and extent included
  cuts.push_back(0);
  if (p.slice_point_size() > 0) {
    if (p.slice_point_size() != tops - 1)
      fail(layer, std::to_string(p.slice_point_size()) + " slice_point(s) for " +
                      std::to_string(tops) + " tops; expected " + std::to_string(tops - 1));
    for (uint32_t point : p.slice_point()) {
      if (point <= cuts.back() || point >= extent)
        fail(layer, "slice_point " + std::to_string(point) + " must increase and lie inside " +
                        "the axis of " + std::to_string(extent));
      cuts.push_back(point);
    }
  } else {
    if (extent % tops != 0)
      fail(layer, "cannot slice an axis of " + std::to_string(extent) + " into " +
                      std::to_string(tops) + " equal parts");
    for (int i = 1; i < tops; ++i) cuts.push_back(extent / tops * i);
  }
  cuts.push_back(extent);
  std::vector<Shape> shapes;
  for (size_t i = 1; i < cuts.size(); ++i) {
    Shape part = input;
    part[axis] = cuts[i] - cuts[i - 1];
    shapes.push_back(part);
  }
  return shapes;
}

Shape caffe_reshape_shape(const std::string& layer, const Shape& input,
                          const caffe::ReshapeParameter& p) {
  // Work on the full Caffe shape, batch 1 included, then check the batch survived.
  Shape full{1};
  full.insert(full.end(), input.begin(), input.end());
  const int rank = static_cast<int>(full.size());
  // axis may be rank itself (append after the last axis): Caffe canonicalises over rank + 1.
  const int start = canonical_axis(layer, "reshape_param.axis", p.axis(), rank + 1);
  const int num_axes = p.num_axes();
  if (num_axes < -1) fail(layer, "reshape_param.num_axes must be >= -1");
  const int end = num_axes == -1 ? rank : start + num_axes;
  if (end > rank) fail(layer, "reshape_param.axis + num_axes exceeds the input's axes");

  Shape middle;
  int inferred = -1;
  for (int i = 0; i < p.shape().dim_size(); ++i) {
    const int64_t d = p.shape().dim(i);
    if (d == 0) {
      if (start + i >= rank) fail(layer, "reshape_param dim 0 copies an axis the input lacks");
      middle.push_back(full[start + i]);
    } else if (d == -1) {
      if (inferred >= 0) fail(layer, "reshape_param has more than one -1 dimension");
      inferred = i;
      middle.push_back(1);
    } else if (d < 0) {
      fail(layer, "reshape_param dim " + std::to_string(d) + " is not 0, -1 or positive");
    } else {
      middle.push_back(d);
    }
  }
  Shape out(full.begin(), full.begin() + start);
  out.insert(out.end(), middle.begin(), middle.end());
  out.insert(out.end(), full.begin() + end, full.end());
  const int64_t total = element_count(full);
  if (inferred >= 0) {
    const int64_t known = element_count(out);
    if (total % known != 0)
      fail(layer, "reshape_param cannot infer -1: " + std::to_string(total) +
                      " elements are not a multiple of " + std::to_string(known));
    out[start + inferred] = total / known;
  }
  if (element_count(out) != total)
    fail(layer,
         "Reshape to " + to_string(out) + " changes the element count " + std::to_string(total));
  if (out.empty() || out[0] != 1)
    fail(layer, "Reshape to " + to_string(out) + " changes the batch dimension");
  return Shape(out.begin() + 1, out.end());
}

}  // namespace dnne
