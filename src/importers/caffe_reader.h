// Reads a .prototxt into caffe::NetParameter: file checks, TextFormat parsing with errors as
// "file:line:column: message", and the line of every layer for later messages.
#pragma once

#include <string>
#include <vector>

#include "caffe_proto/caffe.pb.h"
#include "importers/caffe_fork_params.h"

namespace dnne {

// A layer-level field that is not in BVLC's caffe.proto (a fork's `permute_param`, ...),
// blanked out of the text before parsing.
struct SkippedCaffeField {
  int line = 0;  // 1-based
  std::string field;
};

struct CaffeNetText {
  caffe::NetParameter net;       // legacy V1 `layers` already upgraded into `layer`
  std::vector<int> layer_lines;  // 1-based line of each net.layer(i), 0 when unknown
  std::vector<SkippedCaffeField> skipped_fields;
  // Blocks of the forks whose layers we map (upsample_param), lifted out of the text whether
  // or not --allow-unknown is given; the importer hands each to its layer.
  std::vector<CaffeForkBlock> fork_blocks;
};

// Throws InputError ("net.prototxt:3:7: ...", "net.prototxt: the file is empty ...").
// With skip_unknown_layer_fields (--allow-unknown), unknown fields directly inside a layer are
// blanked and listed in skipped_fields instead; any other unknown field is still an error.
// The fork fields of caffe_fork_params.h are always lifted into fork_blocks.
CaffeNetText read_caffe_prototxt(const std::string& path, bool skip_unknown_layer_fields);

// Parses prototxt text; `path` only labels messages. Split out so tests can parse strings.
CaffeNetText parse_caffe_prototxt(const std::string& text, const std::string& path,
                                  bool skip_unknown_layer_fields);

}  // namespace dnne
