#include "report/analyze_report.h"

#include <sstream>
#include <variant>

#include "graph/layer_traffic.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

namespace {
// "3x3/2 p1 g32 d2" for windows; "" for kinds without one.
std::string window_text(const Layer& layer) {
  int kh = 0, kw = 0, sh = 1, sw = 1, pad = 0, groups = 1, dilation = 1;
  if (const ConvAttrs* c = layer.conv()) {
    kh = c->kernel_h, kw = c->kernel_w, sh = c->stride_h, sw = c->stride_w;
    pad = std::max({c->pad_top, c->pad_left, c->pad_bottom, c->pad_right});
    groups = c->groups, dilation = c->dilation_h;
  } else if (const PoolAttrs* p = layer.pool()) {
    if (p->global) return "global";
    kh = p->kernel_h, kw = p->kernel_w, sh = p->stride_h, sw = p->stride_w;
    pad = std::max({p->pad_top, p->pad_left, p->pad_bottom, p->pad_right});
  } else {
    return "";
  }
  std::string text = std::to_string(kh) + "x" + std::to_string(kw);
  if (sh != 1 || sw != 1) text += "/" + std::to_string(sh) + (sh != sw ? "x" + std::to_string(sw) : "");
  if (pad) text += " p" + std::to_string(pad);
  if (groups != 1) text += " g" + std::to_string(groups);
  if (dilation != 1) text += " d" + std::to_string(dilation);
  return text;
}

std::string fused_text(const Layer& layer) {
  std::string text;
  for (const auto& op : layer.fused_ops) text += (text.empty() ? "" : "+") + op;
  return text;
}

nlohmann::json layer_attributes(const Layer& layer) {
  nlohmann::json j = nlohmann::json::object();
  if (const ConvAttrs* c = layer.conv()) {
    j = {{"kernel", {c->kernel_h, c->kernel_w}}, {"stride", {c->stride_h, c->stride_w}},
         {"pads", {c->pad_top, c->pad_left, c->pad_bottom, c->pad_right}},
         {"dilation", {c->dilation_h, c->dilation_w}}, {"groups", c->groups},
         {"transposed", c->transposed}, {"bias", c->bias}};
  } else if (const PoolAttrs* p = layer.pool()) {
    j = {{"mode", p->mode == PoolMode::kMax ? "max" : "average"}, {"global", p->global},
         {"kernel", {p->kernel_h, p->kernel_w}}, {"stride", {p->stride_h, p->stride_w}},
         {"pads", {p->pad_top, p->pad_left, p->pad_bottom, p->pad_right}},
         {"ceil_mode", p->ceil_mode}};
  } else if (const FcAttrs* f = layer.fc()) {
    j = {{"out_features", f->out_features}, {"bias", f->bias}};
  } else if (const ConcatAttrs* c = layer.concat()) {
    j = {{"axis", c->axis}};
  }
  return j;
}
}  // namespace

std::string analyze_table(const Network& network, int precision_bits) {
  using A = TextTable::Align;
  TextTable table({{"layer", A::kLeft}, {"kind", A::kLeft}, {"op", A::kLeft},
                   {"window", A::kLeft}, {"output", A::kLeft}, {"MACs"}, {"params"},
                   {"in KiB"}, {"out KiB"}, {"wt KiB"}, {"CTC"}, {"fused", A::kLeft}});
  for (const Layer& layer : network.layers()) {
    const LayerTraffic t = layer_traffic(network, layer, precision_bits);
    table.add_row({layer.name, std::string(kind_name(layer.kind)), layer.op, window_text(layer),
                   to_string(layer.output), with_commas(layer.macs), with_commas(layer.params),
                   fixed(t.input_bytes / 1024.0, 1), fixed(t.output_bytes / 1024.0, 1),
                   fixed(t.weight_bytes / 1024.0, 1), fixed(t.ctc, 1), fused_text(layer)});
  }
  const NetworkTotals& totals = network.totals();
  std::ostringstream out;
  out << "model " << network.name() << ", input " << to_string(network.input_shape()) << ", "
      << precision_bits << "-bit, " << network.size() << " layers\n\n"
      << table.render() << "\n"
      << "total MACs     " << with_commas(totals.macs) << "  (" << fixed(totals.gop(), 3)
      << " GOP)\n"
      << "  conv MACs    " << with_commas(totals.conv_macs) << "\n"
      << "  dense MACs   " << with_commas(totals.fc_macs) << "  (fc, matmul)\n"
      << "other ops      " << with_commas(totals.other_ops)
      << "  (pooling, eltwise, fused activations/BN, bias)\n"
      << "params         " << with_commas(totals.params) << "  ("
      << fixed(static_cast<double>(totals.params) * precision_bits / 8 / 1048576.0, 2)
      << " MiB at " << precision_bits << "-bit)\n";
  const auto unknown = network.unknown_layers();
  if (!unknown.empty()) {
    out << "unknown ops    " << unknown.size() << " layer(s) costed as zero:";
    for (LayerId id : unknown) out << " " << network.layer(id).name << " (" << network.layer(id).op << ")";
    out << "\n";
  }
  return out.str();
}

nlohmann::json analyze_json(const Network& network, int precision_bits) {
  nlohmann::json layers = nlohmann::json::array();
  for (const Layer& layer : network.layers()) {
    const LayerTraffic t = layer_traffic(network, layer, precision_bits);
    nlohmann::json inputs = nlohmann::json::array();
    for (LayerId producer : layer.inputs) inputs.push_back(network.layer(producer).name);
    layers.push_back({{"name", layer.name},
                      {"kind", kind_name(layer.kind)},
                      {"op", layer.op},
                      {"inputs", inputs},
                      {"output", layer.output},
                      {"attributes", layer_attributes(layer)},
                      {"fused", layer.fused_ops},
                      {"macs", layer.macs},
                      {"params", layer.params},
                      {"other_ops", layer.other_ops},
                      {"input_bytes", t.input_bytes},
                      {"output_bytes", t.output_bytes},
                      {"weight_bytes", t.weight_bytes},
                      {"ctc", t.ctc}});
  }
  const NetworkTotals& totals = network.totals();
  nlohmann::json unknown = nlohmann::json::array();
  for (LayerId id : network.unknown_layers())
    unknown.push_back({{"name", network.layer(id).name}, {"op", network.layer(id).op}});
  return {{"model", network.name()},
          {"input", network.input_shape()},
          {"precision", precision_bits},
          {"layers", layers},
          {"unknown_ops", unknown},
          {"totals",
           {{"macs", totals.macs},
            {"conv_macs", totals.conv_macs},
            {"fc_macs", totals.fc_macs},
            {"params", totals.params},
            {"other_ops", totals.other_ops},
            {"gop", totals.gop()}}}};
}

std::string analyze_csv(const Network& network, int precision_bits) {
  std::ostringstream out;
  // window and fused last, so the columns before them keep their places for older scripts.
  out << "name,kind,op,output,macs,params,other_ops,input_bytes,output_bytes,weight_bytes,ctc,"
         "window,fused\n";
  for (const Layer& layer : network.layers()) {
    const LayerTraffic t = layer_traffic(network, layer, precision_bits);
    out << '"' << layer.name << "\"," << kind_name(layer.kind) << ',' << layer.op << ','
        << to_string(layer.output) << ',' << layer.macs << ',' << layer.params << ','
        << layer.other_ops << ',' << t.input_bytes << ',' << t.output_bytes << ','
        << t.weight_bytes << ',' << fixed(t.ctc, 4) << ",\"" << window_text(layer) << "\",\""
        << fused_text(layer) << "\"\n";
  }
  return out.str();
}

}  // namespace dnne
