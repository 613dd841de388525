// Output shapes of Caffe's axis-based layers (InnerProduct, Concat, Flatten, Reshape). Caffe
// axes count the batch as axis 0 and may be negative (from the end); our per-frame shapes
// have no batch, so Caffe axis a is our axis a - 1. An axis that touches the batch is an
// error: we model one frame.
#pragma once

#include <string>
#include <vector>

#include "caffe_proto/caffe.pb.h"
#include "graph/shape.h"

namespace dnne {

// Caffe axis (over [N] + frame) -> frame axis. Throws InputError "layer X: ..." for the batch
// axis or one out of range.
int caffe_frame_axis(const std::string& layer, const char* field, int axis, size_t frame_rank);

// Flatten axes [axis, end_axis] (Caffe's FlattenLayer::Reshape).
Shape caffe_flatten_shape(const std::string& layer, const Shape& input,
                          const caffe::FlattenParameter& p);

// SliceLayer: one shape per top, cut along `axis` at slice_point (tops - 1 increasing points),
// or into `tops` equal parts when there are none.
std::vector<Shape> caffe_slice_shapes(const std::string& layer, const Shape& input,
                                      const caffe::SliceParameter& p, int tops);

// ReshapeLayer's rules: 0 copies the input dimension, one -1 is inferred, axis/num_axes
// pick the span of the input that is replaced.
Shape caffe_reshape_shape(const std::string& layer, const Shape& input,
                          const caffe::ReshapeParameter& p);

}  // namespace dnne
