// Network inputs of a Caffe prototxt: the net-level `input` with `input_shape` or
// `input_dim` (four numbers N, C, H, W per input), or `Input` layers. Caffe shapes carry the
// batch first; our shapes are per frame, so the first dimension is dropped.
#pragma once

#include "caffe_proto/caffe.pb.h"
#include "importers/caffe_layer_mapping.h"

namespace dnne {

// Declares the net-level inputs. Throws InputError ("input data: ...").
void declare_caffe_net_inputs(CaffeGraph& graph, const caffe::NetParameter& net);

// An `Input` layer: one input per top, shapes from input_param (one shape for all tops, or
// one per top). Throws InputError ("layer data: ...").
void add_caffe_input_layer(CaffeGraph& graph, const caffe::LayerParameter& layer);

// [N, C, H, W] -> [C, H, W]; every dimension must be >= 1.
Shape caffe_frame_shape(const std::string& what, const std::vector<int64_t>& dims);

}  // namespace dnne
