#include "report/html_report.h"

#include "report/html_charts.h"
#include "report/html_page.h"
#include "report/pareto_report.h"
#include "util/number_format.h"

namespace dnne {

namespace {

using json = nlohmann::json;

// A JSON scalar as text: strings bare, numbers in their shortest exact form.
std::string scalar(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// The key figures shown in tables: the metric key, its label and its decimals.
struct Figure {
  const char* key;
  const char* label;
  int decimals;
};
constexpr Figure kFigures[] = {{"throughput_fps", "frames/s", 2},
                               {"throughput_gops", "GOP/s", 1},
                               {"latency_ms", "latency (ms)", 3},
                               {"dsp_used", "DSP", 0},
                               {"bram18_used", "BRAM18", 0},
                               {"uram_used", "URAM", 0},
                               {"lut_used", "LUT", 0},
                               {"dram_bw_gbps_used", "DRAM GB/s", 2},
                               {"dsp_efficiency", "DSP efficiency", 3}};

// A table cell carrying the exact value (data-value) next to the rounded one shown.
std::string figure_cell(const json& metrics, const Figure& f, const std::string& attributes) {
  const double value = metrics.at(f.key).get<double>();
  return "<td data-metric=\"" + std::string(f.key) + "\" data-value=\"" + metrics.at(f.key).dump() +
         "\"" + attributes + ">" + fixed(value, f.decimals) + "</td>";
}

std::string inputs_html(const json& report, const json& options) {
  const json& b = report.at("budget");
  std::vector<std::pair<std::string, std::string>> rows = {
      {"model", html_escape(scalar(report.at("model")))},
      {"device", html_escape(scalar(report.at("device")))}};
  if (report.contains("device_info"))
    rows.push_back({"part, board", html_escape(scalar(report["device_info"]["part"]) + ", " +
                                               scalar(report["device_info"]["board"]))});
  std::string budget = scalar(b.at("dsp")) + " DSP, " + scalar(b.at("bram18")) + " BRAM18, " +
                       (b.contains("uram") ? scalar(b.at("uram")) + " URAM, " : "") +
                       (b.contains("lut") ? scalar(b.at("lut")) + " LUT, " : "") +
                       significant(b.at("dram_bw_gbps").get<double>(), 6) + " GB/s, " +
                       significant(b.at("clock_mhz").get<double>(), 6) + " MHz, " +
                       scalar(b.at("precision")) + "-bit";
  if (b.contains("overridden") && !b["overridden"].empty())
    budget += " (set by flags or the design: " + b["overridden"].dump() + ")";
  rows.push_back({"budget", html_escape(budget)});
  for (const auto& [key, value] : options.items()) {
    const bool unset_constraint = (key == "min_fps" || key == "max_latency_ms") && value == 0;
    rows.push_back({key, unset_constraint ? "none" : html_escape(scalar(value))});
  }
  rows.push_back({"tool", html_escape(tool_version())});
  return "<h2>Inputs</h2>\n" + html_key_values(rows);
}

std::string figures_html(const json& metrics) {
  std::string head = "<tr>", cells = "<tr>";
  for (const Figure& f : kFigures) {
    head += "<th>" + std::string(f.label) + "</th>";
    cells += figure_cell(metrics, f, "");
  }
  return "<table class=\"figures\">" + head + "</tr>\n" + cells + "</tr></table>\n";
}

std::string front_table_html(const DesignSpace& space, const std::vector<std::string>& names) {
  std::string out = "<table class=\"pareto\"><tr><th>design</th><th>split point</th>";
  for (const ParetoAxis& axis : kParetoAxes)
    out += "<th>" + std::string(axis.key) + (axis.maximise ? " (max)" : " (min)") + "</th>";
  out += "</tr>\n";
  for (size_t k = 0; k < space.front.size(); ++k) {
    out += "<tr data-design=\"" + names[k] + "\"><td>" + names[k] + "</td><td>" +
           std::to_string(space.front[k].design.split_point) + "</td>";
    for (size_t i = 0; i < kParetoAxisCount; ++i)
      out += "<td data-metric=\"" + std::string(kParetoAxes[i].key) + "\" data-value=\"" +
             json(space.front[k].figures[i]).dump() + "\">" +
             significant(space.front[k].figures[i], 6) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

// "throughput_fps, latency_ms, ..." from kParetoAxes.
std::string axes_text() {
  std::string text;
  for (const ParetoAxis& axis : kParetoAxes)
    text += (text.empty() ? "" : ", ") + std::string(axis.key);
  return text;
}

// The design-space section: a note, throughput against DSP and against latency, the front.
std::string design_space_html(HtmlPage& page, const DesignSpace& space,
                              const std::vector<MarkedDesign>& marked, const std::string& what) {
  const std::vector<std::string> names = pareto_names(space.front.size());
  page.shared = {{"sample", design_space_values(space.sample)},
                 {"front", design_space_values(space.front, names)}};
  page.charts.push_back({.id = "space_dsp",
                         .spec = design_space_chart("dsp_used", "DSP slices used", false, marked),
                         .shared_data = true});
  page.charts.push_back(
      {.id = "space_latency",
       .spec = design_space_chart("latency_ms", "latency (ms, log scale)", true, marked),
       .shared_data = true});
  return "<h2>Design space</h2>\n<p class=\"note\" id=\"space-note\" data-designs=\"" +
         std::to_string(space.designs) + "\" data-sampled=\"" +
         std::to_string(space.sample.size()) + "\" data-front=\"" +
         std::to_string(space.front.size()) + "\">" + what + " evaluated " +
         std::to_string(space.designs) + " feasible designs; grey: a uniform sample of " +
         std::to_string(space.sample.size()) + " of them; blue: the " +
         std::to_string(space.front.size()) +
         " on the Pareto front (no other evaluated design is as good on every one of " +
         axes_text() + " and better on one).</p>\n" + chart_div("space_dsp") +
         chart_div("space_latency") + "<details><summary>The Pareto front</summary>\n" +
         front_table_html(space, names) + "</details>\n";
}

std::string design_sections(HtmlPage& page, const json& report, const std::string& suffix) {
  page.charts.push_back({.id = "layers" + suffix, .spec = layer_time_chart(report)});
  page.charts.push_back({.id = "resources" + suffix, .spec = resources_chart(report)});
  return "<h2>Where the time goes</h2>\n" + chart_div("layers" + suffix) + "<h2>Resources</h2>\n" +
         chart_div("resources" + suffix) + "<details><summary>The design file</summary><pre>" +
         html_escape(report.at("design").dump(2)) + "</pre></details>\n";
}

}  // namespace

json search_options_json(const SearchOptions& o) {
  json winograd = json::array();
  for (int m : o.winograd_modes) winograd.push_back(m);
  return {{"paradigm", std::string(paradigm_name(o.paradigm))},
          {"objective", std::string(objective_name(o.objective))},
          {"min_fps", o.constraints.min_fps},
          {"max_latency_ms", o.constraints.max_latency_ms},
          {"search", std::string(search_method_name(o.method))},
          {"seed", o.seed},
          {"swarm", o.pso.swarm_size},
          {"iterations", o.pso.iterations},
          {"winograd_modes", winograd}};
}

std::string explore_report_html(const ExploreHtmlInput& in) {
  const json& r = in.report;
  HtmlPage page{.title = "DNNExplorer: explore " + scalar(r.at("model")) + " on " +
                         scalar(r.at("device"))};
  page.body = "<h1>" + html_escape(page.title) + "</h1>\n<p>The best " +
              html_escape(scalar(in.options.at("paradigm"))) + " design for " +
              html_escape(scalar(in.options.at("objective"))) + " (a " +
              html_escape(scalar(r.at("paradigm"))) + " design, split point " +
              scalar(r.at("design").at("split_point")) + ").</p>\n" + inputs_html(r, in.options) +
              "<h2>Chosen design</h2>\n" + figures_html(r.at("metrics")) +
              design_sections(page, r, "");
  page.body += design_space_html(page, in.space, {{.label = "chosen", .metrics = r.at("metrics")}},
                                 "The search");
  return render_page(page);
}

std::string compare_report_html(const CompareHtmlInput& in) {
  const json& r = in.report;
  const json& results = r.at("results");
  HtmlPage page{.title = "DNNExplorer: compare " + scalar(r.at("model")) + " on " +
                         scalar(r.at("device"))};
  // The paradigms as compare's table lists them.
  const std::vector<std::string> order = {"pipeline", "dnnbuilder", "generic", "hybrid"};
  std::string table = "<table class=\"paradigms\"><tr><th>design</th><th>split point</th>";
  for (const Figure& f : kFigures) table += "<th>" + std::string(f.label) + "</th>";
  table += "</tr>\n";
  std::vector<MarkedDesign> marked;
  for (const std::string& name : order) {
    const json& x = results.at(name);
    const std::string attr = " data-paradigm=\"" + name + "\"";
    table += "<tr" + attr + "><td>" + name + "</td>";
    if (!x.at("feasible").get<bool>()) {
      table += "<td colspan=\"" + std::to_string(1 + std::size(kFigures)) +
               "\">no feasible design: " + html_escape(scalar(x.at("reason"))) + "</td></tr>\n";
      continue;
    }
    table += "<td>" + scalar(x.at("design").at("split_point")) + "</td>";
    for (const Figure& f : kFigures) table += figure_cell(x.at("metrics"), f, attr);
    table += "</tr>\n";
    marked.push_back({.label = name, .metrics = x.at("metrics"), .colour = paradigm_colour(name)});
  }
  table += "</table>\n";
  std::vector<std::pair<std::string, std::string>> speedups;
  for (const auto& [key, value] : r.at("speedups").items())
    speedups.push_back({key, value.is_null() ? "n/a" : fixed(value.get<double>(), 3) + "x"});
  page.body = "<h1>" + html_escape(page.title) +
              "</h1>\n<p>The best pipeline-only (our "
              "allocator, and DNNBuilder's heuristic), generic-only and hybrid designs on one "
              "budget.</p>\n" +
              inputs_html(r, in.options) + "<h2>Paradigms side by side</h2>\n" + table +
              html_key_values(speedups, "speedups");
  const struct {
    const char* key;
    const char* title;
    const char* unit;
  } charts[] = {{"throughput_fps", "Throughput", "frames/s"},
                {"latency_ms", "Latency", "ms"},
                {"dsp_used", "DSP used", "DSP slices"},
                {"bram18_used", "BRAM18 used", "BRAM18 blocks"},
                {"uram_used", "URAM used", "URAM288 blocks"},
                {"lut_used", "LUT used", "LUTs"}};
  for (const auto& c : charts) {
    std::vector<ParadigmValue> values;
    for (const MarkedDesign& m : marked)
      values.push_back({.paradigm = m.label, .value = m.metrics.at(c.key).get<double>()});
    const std::string id = std::string("paradigm_") + c.key;
    page.charts.push_back({.id = id, .spec = paradigm_chart(c.title, c.unit, values)});
    page.body += chart_div(id);
  }
  if (results.at("hybrid").at("feasible").get<bool>()) {
    page.body += "<h2>The hybrid design</h2>\n" + figures_html(results["hybrid"]["metrics"]) +
                 design_sections(page, results["hybrid"], "");
    page.body += design_space_html(page, in.hybrid_space, marked, "The hybrid search");
  }
  return render_page(page);
}

}  // namespace dnne
