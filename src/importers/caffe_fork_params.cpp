#include "importers/caffe_fork_params.h"

#include <google/protobuf/text_format.h>

#include "caffe_proto/caffe_fork.pb.h"
#include "importers/text_format_errors.h"
#include "util/checked_int.h"
#include "util/expected.h"

namespace dnne {

const char* caffe_fork_field_reader(const std::string& field) {
  return field == "upsample_param" ? "Upsample" : nullptr;
}

int caffe_upsample_scale(const std::string& layer, const CaffeForkBlock* block) {
  caffe_fork::UpsampleParameter param;
  if (block) {
    const std::string& value = block->value;
    const bool braced = value.size() >= 2 && ((value.front() == '{' && value.back() == '}') ||
                                              (value.front() == '<' && value.back() == '>'));
    if (!braced)
      throw InputError("layer " + layer + ": upsample_param must be a block { scale: N }");
    google::protobuf::TextFormat::Parser parser;
    TextFormatFirstError error;
    parser.RecordErrorsTo(&error);
    if (!parser.ParseFromString(value.substr(1, value.size() - 2), &param)) {
      throw InputError("layer " + layer + ": upsample_param at line " +
                       std::to_string(block->line) + ": " + without_final_period(error.message()) +
                       " (darknet2caffe's UpsampleParameter has only `scale`)");
    }
  }
  const auto scale = narrow_int(param.scale(), 1, kMaxWindowValue);
  if (!scale)
    throw InputError("layer " + layer + ": " +
                     outside_range("upsample_param.scale", param.scale(), 1, kMaxWindowValue));
  return *scale;
}

}  // namespace dnne
