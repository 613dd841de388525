// Caffe deploy prototxt (DNNBuilder's native input) into the layer graph. The text is parsed
// with protobuf's TextFormat against BVLC's caffe.proto; both the `layer` and the legacy V1
// `layers` forms are read. README.md ("Importing models: Caffe") lists the supported layers.
#pragma once

#include <string>

#include "graph/network.h"
#include "importers/model_loader.h"
#include "util/expected.h"

namespace dnne {

// Errors are one line naming the file, and where it helps the line and layer:
// "net.prototxt:12:5: ...", "net.prototxt:40: layer conv2: ...".
// options.input replaces the shape of the network's first input; options.allow_unknown turns
// layer types we cannot cost into zero-cost `unknown` layers.
Expected<Network> import_caffe(const std::string& path, const LoadOptions& options);

// The same from prototxt text already in memory; `source_name` stands for the file in
// messages and names an unnamed network (tests use it).
Expected<Network> import_caffe_text(const std::string& text, const std::string& source_name,
                                    const LoadOptions& options = {});

}  // namespace dnne
