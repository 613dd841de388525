#include "report/html_charts.h"

#include <algorithm>

#include "util/number_format.h"

namespace dnne {

namespace {

using json = nlohmann::json;

// Colours of the binding resources (ColorBrewer "Set1", Brewer & Harrower, colorbrewer2.org).
const json kBounds = {"dsp", "bram", "bandwidth", "dependency", "none"};
const json kBoundColours = {"#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#999999"};

const json kParadigms = {"pipeline", "dnnbuilder", "generic", "hybrid"};
const json kParadigmColours = {"#ff7f00", "#fdbf6f", "#377eb8", "#e31a1c"};

json encode_enter(json enter) {
  return {{"enter", std::move(enter)}};
}

}  // namespace

std::string paradigm_colour(const std::string& paradigm) {
  for (size_t i = 0; i < kParadigms.size(); ++i)
    if (kParadigms[i] == paradigm) return kParadigmColours[i];
  return "#e31a1c";
}

json layer_time_chart(const json& report) {
  const json& layers = report.at("layers");
  const int split = report.at("design").at("split_point").get<int>();
  json values = json::array(), names = json::array(), split_values = json::array();
  for (size_t i = 0; i < layers.size(); ++i) {
    const json& l = layers[i];
    values.push_back({{"name", l["name"]},
                      {"time_us", l["time_us"]},
                      {"bound", l["bound"]},
                      {"part", l["part"]}});
    names.push_back(l["name"]);
  }
  if (split > 0 && split < static_cast<int>(layers.size()))
    split_values.push_back(
        {{"name", layers[static_cast<size_t>(split)]["name"]},
         {"label", "split point " + std::to_string(split) + ": pipeline | generic"}});
  const int width = std::clamp(16 * static_cast<int>(layers.size()), 480, 1400);
  return {
      {"width", width},
      {"height", 260},
      {"padding", 5},
      {"title", "Time per frame of each stage layer, coloured by its binding resource"},
      {"data",
       {{{"name", "layers"}, {"values", values}},
        {{"name", "timed"},
         {"source", "layers"},
         {"transform", {{{"type", "filter"}, {"expr", "datum.time_us > 0"}}}}},
        {{"name", "split"}, {"values", split_values}}}},
      {"scales",
       {{{"name", "x"}, {"type", "band"}, {"domain", names}, {"range", "width"}, {"padding", 0.1}},
        // One stage can wait for the other part for most of a frame while others take
        // microseconds: a log scale shows both. Layers taking no time have no bar.
        {{"name", "y"},
         {"type", "log"},
         {"domain", {{"data", "timed"}, {"field", "time_us"}}},
         {"range", "height"},
         {"nice", true}},
        {{"name", "colour"}, {"type", "ordinal"}, {"domain", kBounds}, {"range", kBoundColours}}}},
      {"axes",
       {{{"orient", "bottom"},
         {"scale", "x"},
         {"title", "stage layer"},
         {"labelAngle", -60},
         {"labelAlign", "right"},
         {"labelBaseline", "middle"},
         {"labelFontSize", 9}},
        {{"orient", "left"},
         {"scale", "y"},
         {"title", "time per frame (us, log scale)"},
         {"grid", true}}}},
      {"legends", {{{"fill", "colour"}, {"title", "binding resource"}, {"orient", "right"}}}},
      {"marks",
       {{{"type", "rect"},
         {"name", "bars"},
         {"from", {{"data", "timed"}}},
         {"encode", encode_enter({{"x", {{"scale", "x"}, {"field", "name"}}},
                                  {"width", {{"scale", "x"}, {"band", 1}}},
                                  {"y", {{"scale", "y"}, {"field", "time_us"}}},
                                  {"y2", {{"signal", "height"}}},
                                  {"fill", {{"scale", "colour"}, {"field", "bound"}}},
                                  {"tooltip",
                                   {{"signal",
                                     "datum.name + ': ' + format(datum.time_us, ',.1f') + "
                                     "' us, ' + datum.bound + ' bound, ' + datum.part"}}}})}},
        {{"type", "rule"},
         {"name", "split_rule"},
         {"from", {{"data", "split"}}},
         {"encode", encode_enter({{"x", {{"scale", "x"}, {"field", "name"}, {"offset", -1}}},
                                  {"y", {{"value", 0}}},
                                  {"y2", {{"signal", "height"}}},
                                  {"stroke", {{"value", "#000"}}},
                                  {"strokeWidth", {{"value", 2}}},
                                  {"strokeDash", {{"value", {6, 3}}}}})}},
        {{"type", "text"},
         {"from", {{"data", "split"}}},
         {"encode", encode_enter({{"x", {{"scale", "x"}, {"field", "name"}, {"offset", 4}}},
                                  {"y", {{"value", 4}}},
                                  {"baseline", {{"value", "top"}}},
                                  {"text", {{"field", "label"}}},
                                  {"fontWeight", {{"value", "bold"}}}})}}}}};
}

json resources_chart(const json& report) {
  const json& parts = report.at("parts");
  const json& budget = report.at("budget");
  const json& metrics = report.at("metrics");
  struct Row {
    const char* label;
    const char* part_key;
    const char* used_key;
    const char* budget_key;
  };
  const Row rows[] = {{"DSP", "dsp", "dsp_used", "dsp"},
                      {"BRAM18", "bram18", "bram18_used", "bram18"},
                      {"URAM", "uram", "uram_used", "uram"},
                      {"LUT", "lut", "lut_used", "lut"},
                      {"DRAM GB/s", "dram_bw_gbps", "dram_bw_gbps_used", "dram_bw_gbps"}};
  json values = json::array(), totals = json::array(), names = json::array();
  double top = 100;  // the axis shows the budget line, and any overshoot past it
  for (const Row& r : rows) {
    // A report written before URAM and LUT were counted has no such keys; a budget without
    // the resource (no URAM on the part, no LUT count stated) has nothing to chart.
    if (!budget.contains(r.budget_key) || !metrics.contains(r.used_key)) continue;
    const double available = budget.at(r.budget_key).get<double>();
    if (available <= 0 && std::string(r.part_key) != "dsp" && std::string(r.part_key) != "bram18" &&
        std::string(r.part_key) != "dram_bw_gbps")
      continue;
    for (const char* part : {"pipeline", "generic"}) {
      const double used = parts.at(part).at(r.part_key).get<double>();
      if (used <= 0) continue;
      values.push_back({{"resource", r.label},
                        {"part", part},
                        {"used", used},
                        {"percent", available > 0 ? 100 * used / available : 0}});
    }
    const double used = metrics.at(r.used_key).get<double>();
    if (available > 0) top = std::max(top, 100 * used / available);
    const std::string text = significant(used, 6) + " of " + significant(available, 6) + " (" +
                             fixed(available > 0 ? 100 * used / available : 0, 1) + " %)";
    totals.push_back({{"resource", r.label},
                      {"used", used},
                      {"budget", available},
                      {"percent", available > 0 ? 100 * used / available : 0},
                      {"label", text}});
    names.push_back(r.label);
  }
  return {{"width", 480},
          {"height", 120},
          {"padding", 5},
          {"title", "Resources used against the budget"},
          {"data",
           {{{"name", "used"},
             {"values", values},
             {"transform",
              {{{"type", "stack"},
                {"groupby", {"resource"}},
                {"field", "percent"},
                {"as", {"p0", "p1"}}}}}},
            {{"name", "totals"}, {"values", totals}}}},
          {"scales",
           {{{"name", "y"},
             {"type", "band"},
             {"domain", names},
             {"range", "height"},
             {"padding", 0.25}},
            {{"name", "x"},
             {"type", "linear"},
             {"domain", {0, top}},
             {"range", "width"},
             {"nice", true}},
            {{"name", "colour"},
             {"type", "ordinal"},
             {"domain", {"pipeline", "generic"}},
             {"range", {"#ff7f00", "#377eb8"}}}}},
          {"axes",
           {{{"orient", "left"}, {"scale", "y"}},
            {{"orient", "bottom"}, {"scale", "x"}, {"title", "% of the budget"}, {"grid", true}}}},
          {"legends",
           {{{"fill", "colour"},
             {"title", "part"},
             {"orient", "bottom"},
             {"direction", "horizontal"}}}},
          {"marks",
           {{{"type", "rect"},
             {"name", "bars"},
             {"from", {{"data", "used"}}},
             {"encode",
              encode_enter(
                  {{"y", {{"scale", "y"}, {"field", "resource"}}},
                   {"height", {{"scale", "y"}, {"band", 1}}},
                   {"x", {{"scale", "x"}, {"field", "p0"}}},
                   {"x2", {{"scale", "x"}, {"field", "p1"}}},
                   {"fill", {{"scale", "colour"}, {"field", "part"}}},
                   {"tooltip", {{"signal", "datum.part + ': ' + format(datum.used, ',.4~g')"}}}})}},
            {{"type", "rule"},
             {"encode", encode_enter({{"x", {{"scale", "x"}, {"value", 100}}},
                                      {"y", {{"value", 0}}},
                                      {"y2", {{"signal", "height"}}},
                                      {"stroke", {{"value", "#000"}}},
                                      {"strokeDash", {{"value", {4, 3}}}}})}},
            {{"type", "text"},
             {"name", "labels"},
             {"from", {{"data", "totals"}}},
             {"encode", encode_enter({{"y", {{"scale", "y"}, {"field", "resource"}, {"band", 0.5}}},
                                      {"x", {{"scale", "x"}, {"field", "percent"}, {"offset", 4}}},
                                      {"baseline", {{"value", "middle"}}},
                                      {"text", {{"field", "label"}}}})}}}}};
}

json design_space_values(const std::vector<CloudPoint>& sample) {
  json values = json::array();
  for (const CloudPoint& p : sample) {
    json v = {{"split_point", p.split_point}};
    for (size_t i = 0; i < kParetoAxisCount; ++i) v[std::string(kParetoAxes[i].key)] = p.figures[i];
    values.push_back(std::move(v));
  }
  return values;
}

json design_space_values(const std::vector<ParetoEntry>& front,
                         const std::vector<std::string>& names) {
  json values = json::array();
  for (size_t k = 0; k < front.size(); ++k) {
    json v = {{"name", names[k]}, {"split_point", front[k].design.split_point}};
    for (size_t i = 0; i < kParetoAxisCount; ++i)
      v[std::string(kParetoAxes[i].key)] = front[k].figures[i];
    values.push_back(std::move(v));
  }
  return values;
}

json design_space_chart(const std::string& x_metric, const std::string& x_title, bool log_x,
                        const std::vector<MarkedDesign>& marked) {
  json marked_values = json::array(), labels = json::array(), colours = json::array();
  for (const MarkedDesign& m : marked) {
    json v = m.metrics;
    v["label"] = m.label;
    marked_values.push_back(std::move(v));
    labels.push_back(m.label);
    colours.push_back(m.colour);
  }
  const std::string y = "throughput_fps";
  auto fields = [](const std::string& field) {
    return json{{"fields",
                 {{{"data", "sample"}, {"field", field}},
                  {{"data", "front"}, {"field", field}},
                  {{"data", "marked"}, {"field", field}}}}};
  };
  auto xy = [&](json extra) {
    extra["x"] = {{"scale", "x"}, {"field", x_metric}};
    extra["y"] = {{"scale", "y"}, {"field", y}};
    return extra;
  };
  return {
      {"width", 440},
      {"height", 300},
      {"padding", 5},
      {"title", "Throughput against " + x_title},
      {"data",
       {{{"name", "sample"}, {"values", json::array()}},
        {{"name", "front"}, {"values", json::array()}},
        {{"name", "marked"}, {"values", marked_values}}}},
      {"scales",
       {{{"name", "x"},
         {"type", log_x ? "log" : "linear"},
         {"domain", fields(x_metric)},
         {"range", "width"},
         {"nice", true},
         {"zero", false}},
        {{"name", "y"},
         {"type", "linear"},
         {"domain", fields(y)},
         {"range", "height"},
         {"nice", true},
         {"zero", true}},
        {{"name", "kind"},
         {"type", "ordinal"},
         {"domain", {"evaluated (sample)", "Pareto front"}},
         {"range", {"#bbbbbb", "#1f78b4"}}},
        {{"name", "marked"}, {"type", "ordinal"}, {"domain", labels}, {"range", colours}}}},
      {"axes",
       {{{"orient", "bottom"}, {"scale", "x"}, {"title", x_title}, {"grid", true}},
        {{"orient", "left"}, {"scale", "y"}, {"title", "throughput (frames/s)"}, {"grid", true}}}},
      {"legends",
       {{{"fill", "kind"}, {"orient", "right"}, {"symbolType", "circle"}},
        {{"fill", "marked"}, {"orient", "right"}, {"symbolType", "diamond"}}}},
      {"marks",
       {{{"type", "symbol"},
         {"name", "sample_marks"},
         {"from", {{"data", "sample"}}},
         {"encode", encode_enter(xy({{"size", {{"value", 14}}},
                                     {"fill", {{"value", "#bbbbbb"}}},
                                     {"fillOpacity", {{"value", 0.7}}}}))}},
        {{"type", "symbol"},
         {"name", "front_marks"},
         {"from", {{"data", "front"}}},
         {"encode",
          encode_enter(xy({{"size", {{"value", 40}}},
                           {"fill", {{"value", "#1f78b4"}}},
                           {"tooltip",
                            {{"signal",
                              "datum.name + ': ' + format(datum.throughput_fps, ',.2f') + "
                              "' fps, ' + format(datum.latency_ms, ',.3f') + ' ms, ' + "
                              "datum.dsp_used + ' DSP, ' + datum.bram18_used + ' BRAM18'"}}}}))}},
        {{"type", "symbol"},
         {"name", "marked_marks"},
         {"from", {{"data", "marked"}}},
         {"encode", encode_enter(xy({{"size", {{"value", 180}}},
                                     {"shape", {{"value", "diamond"}}},
                                     {"fill", {{"scale", "marked"}, {"field", "label"}}},
                                     {"stroke", {{"value", "#000"}}},
                                     {"tooltip", {{"field", "label"}}}}))}}}}};
}

json paradigm_chart(const std::string& title, const std::string& unit,
                    const std::vector<ParadigmValue>& values) {
  json data = json::array(), names = json::array();
  for (const ParadigmValue& v : values) {
    data.push_back({{"paradigm", v.paradigm}, {"value", v.value}});
    names.push_back(v.paradigm);
  }
  return {
      {"width", 220},
      {"height", 180},
      {"padding", 5},
      {"title", title},
      {"data", {{{"name", "values"}, {"values", data}}}},
      {"scales",
       {{{"name", "x"}, {"type", "band"}, {"domain", names}, {"range", "width"}, {"padding", 0.2}},
        {{"name", "y"},
         {"type", "linear"},
         {"domain", {{"data", "values"}, {"field", "value"}}},
         {"range", "height"},
         {"nice", true},
         {"zero", true}},
        {{"name", "colour"},
         {"type", "ordinal"},
         {"domain", kParadigms},
         {"range", kParadigmColours}}}},
      {"axes",
       {{{"orient", "bottom"}, {"scale", "x"}},
        {{"orient", "left"}, {"scale", "y"}, {"title", unit}, {"grid", true}}}},
      {"marks",
       {{{"type", "rect"},
         {"name", "bars"},
         {"from", {{"data", "values"}}},
         {"encode", encode_enter({{"x", {{"scale", "x"}, {"field", "paradigm"}}},
                                  {"width", {{"scale", "x"}, {"band", 1}}},
                                  {"y", {{"scale", "y"}, {"field", "value"}}},
                                  {"y2", {{"scale", "y"}, {"value", 0}}},
                                  {"fill", {{"scale", "colour"}, {"field", "paradigm"}}}})}},
        {{"type", "text"},
         {"from", {{"data", "values"}}},
         {"encode", encode_enter({{"x", {{"scale", "x"}, {"field", "paradigm"}, {"band", 0.5}}},
                                  {"y", {{"scale", "y"}, {"field", "value"}, {"offset", -3}}},
                                  {"align", {{"value", "center"}}},
                                  {"baseline", {{"value", "bottom"}}},
                                  {"text", {{"signal", "format(datum.value, ',.4~g')"}}}})}}}}};
}

}  // namespace dnne
