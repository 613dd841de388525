#include "importers/caffe_reader.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "importers/caffe_v1_upgrade.h"
#include "util/expected.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
namespace pb = google::protobuf;

// Keeps the first TextFormat error (the parser stops there anyway) as "line:column: text";
// without a collector protobuf would log to stderr, which library code must not do.
class FirstErrorCollector : public pb::io::ErrorCollector {
 public:
  void AddError(int line, pb::io::ColumnNumber column, const std::string& message) override {
    if (!error_.empty()) return;
    // protobuf's positions are zero-based.
    error_ = std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// protobuf quotes the offending text verbatim; keep the message on one printable line.
std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

// "Message type "caffe.X" has no field named "y"." gains a did-you-mean over X's fields.
std::string with_field_suggestion(const std::string& message) {
  static const std::regex kNoField(R"re(Message type "([\w.]+)" has no field named "(\w+)")re");
  std::smatch m;
  if (!std::regex_search(message, m, kNoField)) return message;
  const auto* type =
      caffe::NetParameter::descriptor()->file()->pool()->FindMessageTypeByName(m[1].str());
  if (!type) return message;
  std::vector<std::string> fields;
  for (int i = 0; i < type->field_count(); ++i) fields.push_back(type->field(i)->name());
  std::string out = message;
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out + did_you_mean(m[2].str(), fields);
}

std::vector<int> field_lines(const pb::TextFormat::ParseInfoTree& tree,
                             const pb::FieldDescriptor* field, int count) {
  std::vector<int> lines;
  for (int i = 0; i < count; ++i) lines.push_back(tree.GetLocation(field, i).line + 1);
  return lines;
}
}  // namespace

CaffeNetText parse_caffe_prototxt(const std::string& text, const std::string& path) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(path + ": the file is empty, expected a Caffe prototxt");
  if (text.find('\0') != std::string::npos)
    throw InputError(path +
                     ": binary data, not a text prototxt (a .caffemodel holds the "
                     "weights; pass the deploy .prototxt)");
  CaffeNetText out;
  FirstErrorCollector errors;
  pb::TextFormat::ParseInfoTree tree;
  pb::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(text, &out.net)) {
    const std::string error = errors.error().empty() ? "1:1: not a Caffe prototxt" : errors.error();
    throw InputError(path + ":" + one_line(with_field_suggestion(error)));
  }

  caffe::NetParameter& net = out.net;
  const auto* desc = caffe::NetParameter::descriptor();
  if (net.layer_size() > 0 && net.layers_size() > 0)
    throw InputError(path + ": mixes `layer` blocks with legacy V1 `layers` blocks; use one form");
  if (net.layers_size() > 0) {
    out.layer_lines = field_lines(tree, desc->FindFieldByName("layers"), net.layers_size());
    for (int i = 0; i < net.layers_size(); ++i) {
      try {
        *net.add_layer() = upgrade_v1_layer(net.layers(i));
      } catch (const InputError& e) {
        throw InputError(path + ":" + std::to_string(out.layer_lines[i]) + ": " + e.what());
      }
    }
    net.clear_layers();
  } else {
    out.layer_lines = field_lines(tree, desc->FindFieldByName("layer"), net.layer_size());
  }
  if (net.layer_size() == 0)
    throw InputError(path + ": no layers, expected a Caffe network (`layer { ... }` blocks)");
  return out;
}

CaffeNetText read_caffe_prototxt(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path + ": no such file");
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path + ": is a directory, expected a Caffe .prototxt file");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path + ": cannot open the file for reading");
  std::ostringstream text;
  text << file.rdbuf();
  return parse_caffe_prototxt(text.str(), path);
}

}  // namespace dnne
