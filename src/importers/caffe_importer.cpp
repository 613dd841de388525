#include "importers/caffe_importer.h"

#include <algorithm>
#include <filesystem>

#include "graph/fold_fused.h"
#include "importers/caffe_inputs.h"
#include "importers/caffe_layer_mapping.h"
#include "importers/caffe_reader.h"

namespace dnne {

namespace {
// Caffe's Net::StateMeetsRule for a deploy net: phase TEST, the level and stages the file's
// own `state` names (none by default).
bool meets_rule(const caffe::NetState& state, const caffe::NetStateRule& rule) {
  if (rule.has_phase() && rule.phase() != state.phase()) return false;
  if (rule.has_min_level() && state.level() < rule.min_level()) return false;
  if (rule.has_max_level() && state.level() > rule.max_level()) return false;
  const auto& stages = state.stage();
  auto has = [&](const std::string& s) {
    return std::find(stages.begin(), stages.end(), s) != stages.end();
  };
  if (!std::all_of(rule.stage().begin(), rule.stage().end(), has)) return false;
  return std::none_of(rule.not_stage().begin(), rule.not_stage().end(), has);
}

// Net::FilterNet: with include rules a layer is kept if any rule holds; otherwise it is
// dropped if any exclude rule holds. So TRAIN-only layers of a train/test file drop out.
bool included(const caffe::NetState& state, const caffe::LayerParameter& layer) {
  if (layer.include_size() > 0)
    return std::any_of(layer.include().begin(), layer.include().end(),
                       [&](const auto& rule) { return meets_rule(state, rule); });
  return std::none_of(layer.exclude().begin(), layer.exclude().end(),
                      [&](const auto& rule) { return meets_rule(state, rule); });
}

bool declares_input(const caffe::NetParameter& net, const caffe::NetState& state) {
  if (net.input_size() > 0) return true;
  return std::any_of(net.layer().begin(), net.layer().end(), [&](const auto& layer) {
    return layer.type() == "Input" && included(state, layer);
  });
}

// The index of the layer whose block holds `line`: the last one that starts at or before it;
// -1 before the first layer.
int layer_at_line(const CaffeNetText& text, int line) {
  const auto after = std::upper_bound(text.layer_lines.begin(), text.layer_lines.end(), line);
  return static_cast<int>(after - text.layer_lines.begin()) - 1;
}

// A fork's parameter block may be dropped only from a layer we import as unknown anyway;
// on a layer we map it could change the layer's meaning, so it stays an error.
void check_skipped_fields(const CaffeNetText& text, const std::vector<SkippedCaffeField>& fields,
                          const std::string& path) {
  const auto& supported = caffe_supported_types();
  for (const SkippedCaffeField& skipped : fields) {
    const int index = layer_at_line(text, skipped.line);
    if (index < 0) continue;
    const caffe::LayerParameter& layer = text.net.layer(index);
    if (std::find(supported.begin(), supported.end(), layer.type()) != supported.end())
      throw InputError(path + ":" + std::to_string(skipped.line) + ": layer " + layer.name() +
                       ": field '" + skipped.field + "' is not in BVLC's caffe.proto, and a " +
                       layer.type() + " layer cannot ignore it");
  }
}

// Caffe's own rule (Net::AppendTop): a top blob that already exists may only be rewritten in
// place (top i is also bottom i, as ReLU's top: "conv1" bottom: "conv1"); any other second
// writer is "Top blob produced by multiple sources", refused.
void check_tops(const CaffeGraph& graph, const caffe::LayerParameter& layer) {
  for (int i = 0; i < layer.top_size(); ++i) {
    const std::string& top = layer.top(i);
    const bool in_place = i < layer.bottom_size() && layer.bottom(i) == top;
    if (!in_place && graph.blobs.count(top))
      throw InputError("layer " + layer.name() + ": top blob '" + top +
                       "' is already produced by another layer (Caffe allows rewriting a blob "
                       "only in place, with the same blob as bottom)");
  }
}

Network build(const CaffeNetText& text, const std::string& path, const LoadOptions& options) {
  const caffe::NetParameter& net = text.net;
  caffe::NetState state = net.state();
  state.set_phase(caffe::TEST);
  if (!declares_input(net, state))
    throw InputError(path +
                     ": no input shape: declare `input` with input_shape or input_dim, "
                     "or an Input layer with input_param { shape { ... } }");

  const std::string name =
      net.name().empty() ? std::filesystem::path(path).stem().string() : net.name();
  CaffeGraph graph{.builder = NetworkBuilder(name),
                   .input_override = options.input,
                   .allow_unknown = options.allow_unknown};
  // A fork block goes to its layer when that layer's type reads it; on any other layer it is
  // an unknown field like the rest (refused, or skipped under --allow-unknown).
  std::vector<SkippedCaffeField> skipped = text.skipped_fields;
  for (const CaffeForkBlock& block : text.fork_blocks) {
    const int index = layer_at_line(text, block.line);
    const std::string reader = caffe_fork_field_reader(block.field);
    if (index >= 0 && net.layer(index).type() == reader) {
      graph.fork_blocks[index].push_back(block);
      continue;
    }
    if (!options.allow_unknown)
      throw InputError(path + ":" + std::to_string(block.line) + ": field '" + block.field +
                       "' is not in BVLC's caffe.proto and only " + reader +
                       " layers read it (pass --allow-unknown to import the layer as unknown)");
    skipped.push_back({.line = block.line, .field = block.field});
  }
  check_skipped_fields(text, skipped, path);
  try {
    declare_caffe_net_inputs(graph, net);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
  for (int i = 0; i < net.layer_size(); ++i) {
    if (!included(state, net.layer(i))) continue;
    try {
      check_tops(graph, net.layer(i));
      add_caffe_layer(graph, net.layer(i), i);
    } catch (const InputError& e) {
      throw InputError(path + ":" + std::to_string(text.layer_lines[i]) + ": " + e.what());
    }
  }
  // Activations, BatchNorm/Scale and LRN fold into the conv/fc/eltwise that feeds them, as
  // the accelerators compute them (docs/spec/MODELS.md section 1).
  return fold_fused_layers(graph.builder.build());
}
}  // namespace

Expected<Network> import_caffe(const std::string& path, const LoadOptions& options) {
  try {
    return build(read_caffe_prototxt(path, options.allow_unknown), path, options);
  } catch (const InputError& e) {
    return Error{e.what()};
  }
}

Expected<Network> import_caffe_text(const std::string& text, const std::string& source_name,
                                    const LoadOptions& options) {
  try {
    return build(parse_caffe_prototxt(text, source_name, options.allow_unknown), source_name,
                 options);
  } catch (const InputError& e) {
    return Error{e.what()};
  }
}

}  // namespace dnne
