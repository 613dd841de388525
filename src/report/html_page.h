// The frame of report.html: one self-contained page (styles, the Vega library, the chart
// specifications and the script that renders them inline; no network), and the small HTML
// builders the report pages share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dnne {

struct HtmlChart {
  std::string id;  // the element the chart renders into, and its key in window.dnneViews
  nlohmann::json spec;
  bool shared_data = false;  // fill its "sample" and "front" data sets from HtmlPage::shared
};

struct HtmlPage {
  std::string title;
  std::string body;  // the page's HTML; charts render into <div id="ID" class="chart">
  std::vector<HtmlChart> charts;
  nlohmann::json shared = nlohmann::json::object();  // data sets used by several charts
};

// The whole document. Once every chart has rendered, <body> gets data-rendered="N" (charts
// drawn without error); a chart that fails shows its error in its place and logs it.
std::string render_page(const HtmlPage& page);

std::string html_escape(std::string_view text);
// <div id="ID" class="chart"></div>
std::string chart_div(const std::string& id);
// A two-column table of (label, value) rows; values are HTML already escaped.
std::string html_key_values(const std::vector<std::pair<std::string, std::string>>& rows,
                            const std::string& css_class = "inputs");
// "dnnexplorer 0.1.0" (the project's version, CMakeLists.txt).
std::string tool_version();

}  // namespace dnne
