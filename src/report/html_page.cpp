#include "report/html_page.h"

#include "report/vega_bundle.h"

namespace dnne {

namespace {

// Embedded JSON must not close its <script> element: "</" becomes the equivalent "<\/".
std::string script_json(const nlohmann::json& value) {
  std::string text = value.dump();
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') out += '\\';
  }
  return out;
}

constexpr std::string_view kStyle = R"css(
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1500px; color: #222; padding: 0 1em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
td, th { border: 1px solid #ddd; padding: 0.2em 0.6em; text-align: right; }
th, td:first-child, table.inputs td { text-align: left; } th { background: #f4f4f4; }
.chart { margin: 0.5em 1em 0.5em 0; display: inline-block; vertical-align: top; }
.note { color: #555; font-size: 0.9em; }
.failed { color: #b00; }
)css";

// Renders every chart into its element; window.dnneViews keeps the views for inspection.
constexpr std::string_view kRenderScript = R"js(
(function () {
  var charts = JSON.parse(document.getElementById('dnne-charts').textContent);
  var shared = JSON.parse(document.getElementById('dnne-shared').textContent);
  var pending = charts.length, drawn = 0;
  window.dnneViews = {};
  function finish() { if (--pending === 0) document.body.setAttribute('data-rendered', String(drawn)); }
  charts.forEach(function (chart) {
    var element = document.getElementById(chart.id);
    function fail(error) {
      console.error('chart ' + chart.id + ' failed: ' + error);
      element.className += ' failed';
      element.textContent = 'This chart failed to render: ' + error;
      finish();
    }
    try {
      if (chart.shared_data) chart.spec.data.forEach(function (d) {
        if (shared[d.name]) d.values = shared[d.name];
      });
      var view = new vega.View(vega.parse(chart.spec), { renderer: 'svg', container: element, hover: true });
      window.dnneViews[chart.id] = view;
      view.runAsync().then(function () { drawn++; finish(); }, fail);
    } catch (error) { fail(error); }
  });
  if (charts.length === 0) document.body.setAttribute('data-rendered', '0');
})();
)js";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string chart_div(const std::string& id) {
  return "<div id=\"" + html_escape(id) + "\" class=\"chart\"></div>\n";
}

std::string html_key_values(const std::vector<std::pair<std::string, std::string>>& rows,
                            const std::string& css_class) {
  std::string out = "<table class=\"" + css_class + "\">\n";
  for (const auto& [label, value] : rows)
    out += "<tr><th>" + html_escape(label) + "</th><td>" + value + "</td></tr>\n";
  return out + "</table>\n";
}

std::string tool_version() {
  return std::string("dnnexplorer ") + DNNE_VERSION;
}

std::string render_page(const HtmlPage& page) {
  nlohmann::json charts = nlohmann::json::array();
  for (const HtmlChart& c : page.charts)
    charts.push_back({{"id", c.id}, {"spec", c.spec}, {"shared_data", c.shared_data}});
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out += html_escape(page.title);
  out += "</title>\n<meta name=\"generator\" content=\"" + html_escape(tool_version()) + "\">\n";
  out += "<style>";
  out += kStyle;
  out += "</style>\n";
  // Vega, inlined; its notices and license travel with it.
  out += "<script type=\"text/plain\" id=\"vega-license\">\n";
  out += html_escape(vega_license_text());
  out += "</script>\n<script>\n";
  out += vega_bundle_js();
  out += "</script>\n</head>\n<body>\n";
  out += page.body;
  out += "<p class=\"note\">Made by " + html_escape(tool_version()) +
         ". Charts drawn with Vega 5 (BSD-3-Clause, UW Interactive Data Lab), included in this "
         "file.</p>\n";
  out +=
      "<script type=\"application/json\" id=\"dnne-charts\">" + script_json(charts) + "</script>\n";
  out += "<script type=\"application/json\" id=\"dnne-shared\">" + script_json(page.shared) +
         "</script>\n<script>";
  out += kRenderScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace dnne
