// One Caffe layer onto the layer graph. Caffe names blobs, not layers: a layer reads its
// bottom blobs and writes its top blobs, and in-place layers (ReLU with top == bottom) write
// the blob they read. We keep the latest producer of every blob name, so a later reader of
// "conv1" sees the ReLU that rewrote it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "caffe_proto/caffe.pb.h"
#include "graph/network_builder.h"
#include "importers/caffe_fork_params.h"

namespace dnne {

struct CaffeGraph {
  NetworkBuilder builder;
  std::unordered_map<std::string, LayerId> blobs;  // blob name -> its latest producer
  std::optional<Shape> input_override;             // --input: taken by the first input declared
  bool allow_unknown = false;                      // --allow-unknown
  int inputs_declared = 0;
  // Fork parameter blocks (caffe_fork_params.h) by the index of the layer holding them.
  std::unordered_map<int, std::vector<CaffeForkBlock>> fork_blocks;
  int layer_index = -1;  // of the layer being added
};

// The layer types the importer maps (for messages and "did you mean").
const std::vector<std::string>& caffe_supported_types();

// Adds `layer` (the index-th of the file, for naming anonymous layers). Throws InputError
// "layer NAME: ..." naming what is wrong; the importer prefixes the file and line.
void add_caffe_layer(CaffeGraph& graph, const caffe::LayerParameter& layer, int index);

// The producer of a bottom blob, or InputError naming the layer and the blob.
LayerId caffe_bottom(const CaffeGraph& graph, const std::string& layer, const std::string& blob);

}  // namespace dnne
