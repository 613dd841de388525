// Parameter blocks of Caffe forks whose layers the importer maps although BVLC's caffe.proto
// lacks their fields: darknet2caffe's `upsample_param` of its Upsample layer (YOLOv3/v4
// exports). The reader lifts each such block out of the text before protobuf parses it
// (caffe_reader.cpp); the layer mapping reads it here with our schema, caffe_fork.proto.
#pragma once

#include <string>

namespace dnne {

struct CaffeForkBlock {
  int line = 0;       // 1-based line of the field in the file
  std::string field;  // "upsample_param"
  std::string value;  // as written, with its braces: "{ scale: 2 }"
};

// The layer type that reads fork field `field` ("Upsample" for "upsample_param"), nullptr for a
// field no layer of ours reads.
const char* caffe_fork_field_reader(const std::string& field);

// The scale of darknet2caffe's upsample_param (1 without a block, the fork's default). Throws
// InputError "layer X: upsample_param ..." for a field the fork does not define or a scale
// outside [1, 2^20].
int caffe_upsample_scale(const std::string& layer, const CaffeForkBlock* block);

}  // namespace dnne
