// The legacy V1 layer form (`layers { type: CONVOLUTION ... }`, Caffe before 2015) into the
// current `layer { type: "Convolution" ... }` form, so the importer has one path.
#pragma once

#include "caffe_proto/caffe.pb.h"

namespace dnne {

// The current type string of a V1 layer type ("Convolution" for CONVOLUTION); types with no
// current counterpart keep their enum name (e.g. "SOFTMAX_LOSS").
std::string caffe_v1_type_name(caffe::V1LayerParameter::LayerType type);

// Copies name, type, bottoms, tops, phase rules and the parameter blocks the importer reads.
// Throws InputError for the even older V0 form (a nested `layer { ... }` inside `layers`).
caffe::LayerParameter upgrade_v1_layer(const caffe::V1LayerParameter& v1);

}  // namespace dnne
