#include "importers/onnx_reader.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <climits>

#include "util/expected.h"
#include "util/input_file.h"
#include "util/message_text.h"

namespace dnne {

namespace {
// Integer tensors this small may be shape arguments (Reshape targets, Slice bounds), and
// float tensors this small may be Resize scales, that shape inference reads; everything
// else is weights, of which only dims matter.
constexpr int64_t kKeptIntegerElements = 4096;
constexpr int64_t kKeptOtherElements = 64;

// Saturates at INT64_MAX (a negative dim counts as 0): dims come from the file, and a product
// of them must not overflow (signed overflow is undefined behaviour).
int64_t element_count(const onnx::TensorProto& tensor) {
  int64_t n = 1;
  for (int64_t d : tensor.dims()) {
    if (d <= 0) return 0;
    if (__builtin_mul_overflow(n, d, &n)) return INT64_MAX;
  }
  return n;
}

bool is_integer(int32_t data_type) {
  return data_type == onnx::TensorProto::INT64 || data_type == onnx::TensorProto::INT32 ||
         data_type == onnx::TensorProto::BOOL;
}

// Values an integer tensor holds in the field its type uses (raw_data counted in elements);
// -1 for other types (float weights may come without values: only their dims matter).
int64_t value_count(const onnx::TensorProto& t) {
  using T = onnx::TensorProto;
  const auto raw = [&](int64_t bytes) {
    return static_cast<int64_t>(t.raw_data().size()) / bytes;
  };
  const bool has_raw = !t.raw_data().empty();
  switch (t.data_type()) {
    case T::INT64:
      return has_raw ? raw(8) : t.int64_data_size();
    case T::INT32:
      return has_raw ? raw(4) : t.int32_data_size();
    default:
      return -1;
  }
}

// Drops a tensor's payload but keeps dims and type. A tensor whose data lives in an external
// file keeps its external_data entries (never read) so shape inference still sees its dims.
// A kept integer tensor (a shape argument inference may read) must hold as many values as its
// dims say:
// libonnx's inference reads them without checking (a Range whose scalar start holds no value
// crashed it, a fuzz finding), so a short one is refused naming the tensor.
void drop_payload(onnx::TensorProto& tensor, const std::string& path) {
  const int64_t n = element_count(tensor);
  if (n <= (is_integer(tensor.data_type()) ? kKeptIntegerElements : kKeptOtherElements)) {
    const bool external = tensor.data_location() == onnx::TensorProto::EXTERNAL ||
                          tensor.external_data_size() > 0;
    const int64_t held = value_count(tensor);
    if (!external && held >= 0 && held != n)
      throw InputError(path + ": tensor '" + quote_text(tensor.name(), 80) + "' has dims for " +
                       std::to_string(n) + " value(s) but holds " + std::to_string(held));
    return;
  }
  tensor.clear_raw_data();
  tensor.clear_float_data();
  tensor.clear_double_data();
  tensor.clear_int32_data();
  tensor.clear_int64_data();
  tensor.clear_uint64_data();
  tensor.clear_string_data();
}

void drop_weights(onnx::GraphProto& graph, const std::string& path) {
  for (auto& init : *graph.mutable_initializer()) drop_payload(init, path);
  for (auto& node : *graph.mutable_node())
    for (auto& attr : *node.mutable_attribute()) {
      if (attr.has_t()) drop_payload(*attr.mutable_t(), path);
      if (attr.has_g()) drop_weights(*attr.mutable_g(), path);
    }
}
}  // namespace

namespace {
onnx::ModelProto parse_model(google::protobuf::io::ZeroCopyInputStream& stream,
                             const std::string& path) {
  onnx::ModelProto model;
  bool parsed = false;
  {
    // The default 64 MiB total-bytes guard is raised to the protobuf maximum so models with
    // large inline weights parse.
    google::protobuf::io::CodedInputStream coded(&stream);
    coded.SetTotalBytesLimit(INT_MAX);
    parsed = model.ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
  }
  if (!parsed)
    throw InputError(path +
                     ": cannot parse as an ONNX model (truncated, or not an ONNX "
                     "protobuf file)");
  if (!model.has_graph() || model.graph().node_size() == 0)
    throw InputError(path + ": not an ONNX model (no graph nodes)");
  drop_weights(*model.mutable_graph(), path);
  onnx_default_opset(model, path);
  return model;
}
}  // namespace

onnx::ModelProto read_onnx_model(const std::string& path) {
  InputFile file(path, "an ONNX model file", kMaxOnnxFileBytes);
  // Streamed from the file descriptor: the file is never held in memory as a whole besides
  // the parsed message.
  google::protobuf::io::FileInputStream stream(file.fd());
  return parse_model(stream, path);
}

onnx::ModelProto parse_onnx_model(const std::string& bytes, const std::string& source) {
  if (bytes.empty()) throw InputError(source + ": the file is empty, expected an ONNX model file");
  if (bytes.size() > kMaxOnnxFileBytes)
    throw InputError(source + ": more than the 2 GiB protobuf limit for one message");
  google::protobuf::io::ArrayInputStream stream(bytes.data(), static_cast<int>(bytes.size()));
  return parse_model(stream, source);
}

int64_t onnx_default_opset(const onnx::ModelProto& model, const std::string& path) {
  for (const auto& opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx") return opset.version();
  throw InputError(path +
                   ": not a complete ONNX model (no opset_import for the ai.onnx "
                   "domain; truncated?)");
}

}  // namespace dnne
