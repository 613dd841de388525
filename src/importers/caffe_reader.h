// Reads a .prototxt into caffe::NetParameter: file checks, TextFormat parsing with errors as
// "file:line:column: message", and the line of every layer for later messages.
#pragma once

#include <string>
#include <vector>

#include "caffe_proto/caffe.pb.h"

namespace dnne {

struct CaffeNetText {
  caffe::NetParameter net;       // legacy V1 `layers` already upgraded into `layer`
  std::vector<int> layer_lines;  // 1-based line of each net.layer(i), 0 when unknown
};

// Throws InputError ("net.prototxt:3:7: ...", "net.prototxt: the file is empty ...").
CaffeNetText read_caffe_prototxt(const std::string& path);

// Parses prototxt text; `path` only labels messages. Split out so tests can parse strings.
CaffeNetText parse_caffe_prototxt(const std::string& text, const std::string& path);

}  // namespace dnne
