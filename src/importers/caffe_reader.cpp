#include "importers/caffe_reader.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>

#include "importers/caffe_fork_fields.h"
#include "importers/caffe_fork_params.h"
#include "importers/caffe_v1_upgrade.h"
#include "importers/text_format_errors.h"
#include "util/expected.h"
#include "util/input_file.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
namespace pb = google::protobuf;

// protobuf quotes the offending text verbatim; keep the message on one printable line.
std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

// The two quoted names in protobuf's message "<before>"X"<middle>"Y"", or false when the
// message does not have that form. Plain string search, not std::regex: libstdc++'s regex
// recurses per character and overflowed the stack on a long identifier (issue 14).
bool two_quoted(std::string_view message, std::string_view before, std::string_view middle,
                std::string& first, std::string& second) {
  const size_t a = message.find(before);
  if (a == std::string_view::npos) return false;
  const size_t first_start = a + before.size();
  const size_t first_end = message.find('"', first_start);
  if (first_end == std::string_view::npos) return false;
  if (message.substr(first_end + 1, middle.size()) != middle) return false;
  const size_t second_start = first_end + 1 + middle.size();
  const size_t second_end = message.find('"', second_start);
  if (second_end == std::string_view::npos) return false;
  first = message.substr(first_start, first_end - first_start);
  second = message.substr(second_start, second_end - second_start);
  return true;
}

// Message type "caffe.X" has no field named "y".  -> {"caffe.X", "y"}
bool no_field(const std::string& message, std::string& type, std::string& field) {
  return two_quoted(message, "Message type \"", " has no field named \"", type, field);
}

// Unknown enumeration value of "V" for field "f".  -> {"V", "f"}
bool no_value(const std::string& message, std::string& value, std::string& field) {
  return two_quoted(message, "Unknown enumeration value of \"", " for field \"", value, field);
}

// Appends a did-you-mean to protobuf's two "unknown name" errors:
//   Message type "caffe.X" has no field named "y".      -> over X's fields
//   Unknown enumeration value of "V" for field "f".     -> over the values of every enum
//                                                          field named f in caffe.proto
std::string with_suggestion(const std::string& message) {
  const auto* file = caffe::NetParameter::descriptor()->file();
  std::vector<std::string> names;
  std::string wrong;  // the name protobuf did not know
  std::string type_name, field_name;
  if (no_field(message, type_name, wrong)) {
    const auto* type = file->pool()->FindMessageTypeByName(type_name);
    for (int i = 0; type && i < type->field_count(); ++i) names.push_back(type->field(i)->name());
  } else if (no_value(message, wrong, field_name)) {
    // Nested types included: the enums live inside messages (PoolingParameter.PoolMethod).
    std::vector<const pb::Descriptor*> types;
    for (int i = 0; i < file->message_type_count(); ++i) types.push_back(file->message_type(i));
    for (size_t t = 0; t < types.size(); ++t) {
      for (int i = 0; i < types[t]->nested_type_count(); ++i)
        types.push_back(types[t]->nested_type(i));
      const auto* field = types[t]->FindFieldByName(field_name);
      if (!field || field->type() != pb::FieldDescriptor::TYPE_ENUM) continue;
      for (int v = 0; v < field->enum_type()->value_count(); ++v)
        names.push_back(field->enum_type()->value(v)->name());
    }
  } else {
    return message;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  // A name far longer than any in caffe.proto has no near neighbour worth the edit-distance
  // table (quadratic in the length).
  if (wrong.size() > 64) names.clear();
  return without_final_period(message) + did_you_mean(wrong, names);
}

// The field named in "Message type "caffe.LayerParameter" has no field named "x"." (or the V1
// message), "" for any other error.
std::string unknown_layer_field(const std::string& message) {
  std::string type, field;
  if (!no_field(message, type, field)) return "";
  return type == "caffe.LayerParameter" || type == "caffe.V1LayerParameter" ? field : "";
}

std::vector<int> field_lines(const pb::TextFormat::ParseInfoTree& tree,
                             const pb::FieldDescriptor* field, int count) {
  std::vector<int> lines;
  for (int i = 0; i < count; ++i) lines.push_back(tree.GetLocation(field, i).line + 1);
  return lines;
}
}  // namespace

CaffeNetText parse_caffe_prototxt(const std::string& text, const std::string& path,
                                  bool skip_unknown_layer_fields) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(path + ": the file is empty, expected a Caffe prototxt");
  if (text.find('\0') != std::string::npos)
    throw InputError(path +
                     ": binary data, not a text prototxt (a .caffemodel holds the "
                     "weights; pass the deploy .prototxt)");
  CaffeNetText out;
  std::string source = text;
  std::unique_ptr<pb::TextFormat::ParseInfoTree> tree;
  // Each skipped field costs one more parse of the whole text: bound the total work to about
  // 256 MiB of parsing (ours), so a file of thousands of unknown fields cannot take minutes
  // (issue 14: quadratic re-parsing under --allow-unknown).
  const size_t max_parses =
      std::max<size_t>(16, (size_t{256} << 20) / std::max<size_t>(1, text.size()));
  for (size_t parses = 1;; ++parses) {
    TextFormatFirstError errors;
    tree = std::make_unique<pb::TextFormat::ParseInfoTree>();
    pb::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    parser.WriteLocationsTo(tree.get());
    if (parser.ParseFromString(source, &out.net)) break;
    const std::string field = unknown_layer_field(errors.message());
    // A fork's block whose layer we map (caffe_fork_params.h): lifted out, read later.
    std::optional<std::string> value;
    if (caffe_fork_field_reader(field) &&
        (value = take_unknown_field(source, errors.line(), errors.column(), field))) {
      out.fork_blocks.push_back({.line = errors.line(), .field = field, .value = *value});
    } else {
      // Any other fork's block on a layer: blank it and parse again (--allow-unknown only).
      if (!skip_unknown_layer_fields || field.empty() ||
          !blank_unknown_field(source, errors.line(), errors.column(), field))
        throw InputError(path + ":" + one_line(with_suggestion(errors.text())));
      out.skipped_fields.push_back({.line = errors.line(), .field = field});
    }
    if (parses >= max_parses)
      throw InputError(
          path + ": " + std::to_string(out.skipped_fields.size() + out.fork_blocks.size()) +
          " unknown layer fields skipped and more follow; a file this large may "
          "skip at most " +
          std::to_string(max_parses - 1) + " (--allow-unknown re-reads the file for each)");
  }

  caffe::NetParameter& net = out.net;
  const auto* desc = caffe::NetParameter::descriptor();
  if (net.layer_size() > 0 && net.layers_size() > 0)
    throw InputError(path + ": mixes `layer` blocks with legacy V1 `layers` blocks; use one form");
  if (net.layers_size() > 0) {
    out.layer_lines = field_lines(*tree, desc->FindFieldByName("layers"), net.layers_size());
    for (int i = 0; i < net.layers_size(); ++i) {
      try {
        *net.add_layer() = upgrade_v1_layer(net.layers(i));
      } catch (const InputError& e) {
        throw InputError(path + ":" + std::to_string(out.layer_lines[i]) + ": " + e.what());
      }
    }
    net.clear_layers();
  } else {
    out.layer_lines = field_lines(*tree, desc->FindFieldByName("layer"), net.layer_size());
  }
  if (net.layer_size() == 0)
    throw InputError(path + ": no layers, expected a Caffe network (`layer { ... }` blocks)");
  return out;
}

CaffeNetText read_caffe_prototxt(const std::string& path, bool skip_unknown_layer_fields) {
  InputFile file(path, "a Caffe .prototxt file", kMaxTextFileBytes, /*allow_empty=*/true);
  return parse_caffe_prototxt(file.read_all(), path, skip_unknown_layer_fields);
}

}  // namespace dnne
