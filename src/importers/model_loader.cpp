#include "importers/model_loader.h"

#include <filesystem>

#include "importers/caffe_importer.h"
#include "importers/onnx_importer.h"
#include "zoo/zoo.h"

namespace dnne {

namespace {
bool has_extension(const std::string& path, const std::string& ext) {
  return std::filesystem::path(path).extension() == ext;
}
}  // namespace

Expected<Network> load_model(const std::string& model, const LoadOptions& options) {
  if (has_extension(model, ".onnx")) return import_onnx(model, options);
  // Only an ONNX file can have a symbolic batch dimension for --batch to give a value to; a
  // zoo network or a Caffe file is per frame, and the accelerator's batch is a design choice.
  if (options.batch != 1)
    return Error{"--batch " + std::to_string(options.batch) + ": " + model +
                 " has no symbolic batch dimension (--batch applies to ONNX files; the "
                 "accelerator's batch is part of the design)"};
  if (has_extension(model, ".prototxt")) return import_caffe(model, options);
  if (model.find('/') != std::string::npos || model.find('.') != std::string::npos)
    return Error{model + ": not a zoo name, and the extension is not .onnx or .prototxt"};
  return build_zoo_network(model, options.input);
}

}  // namespace dnne
