// Vega 5 specifications (vega.github.io/vega/docs) of the charts in report.html. Each chart
// carries its own data, taken from the report's JSON objects, so what a chart draws is what
// report.json says. Named marks ("bars", "sample", "front", "marked") let the browser test
// count what was drawn.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/pareto.h"

namespace dnne {

// Per-layer time per frame as bars coloured by the binding resource, the split point marked
// with a rule. `report` is a design_report_json object (its "layers" and "design").
nlohmann::json layer_time_chart(const nlohmann::json& report);

// DSP, BRAM18 and DRAM bandwidth used, as a percentage of the budget, stacked by part, with
// the 100 % line. `report` as above ("parts", "metrics", "budget").
nlohmann::json resources_chart(const nlohmann::json& report);

// A design marked on the design-space chart: its label and its metrics object.
struct MarkedDesign {
  std::string label;
  nlohmann::json metrics;
  std::string colour = "#e31a1c";
};
// The colours of compare's rows, shared by its bar charts and its design-space marks.
std::string paradigm_colour(const std::string& paradigm);

// Throughput against `x_metric` (a kParetoAxes key) over the sampled designs, the front and
// the marked designs. `sample_data` and `front_data` name shared data sets (html_page.h)
// holding design_space_values(); the page fills them in before rendering.
nlohmann::json design_space_chart(const std::string& x_metric, const std::string& x_title,
                                  bool log_x, const std::vector<MarkedDesign>& marked);
// [{axis key: value, ..., "split_point", "name"?}] for the sample or the front.
nlohmann::json design_space_values(const std::vector<CloudPoint>& sample);
nlohmann::json design_space_values(const std::vector<ParetoEntry>& front,
                                   const std::vector<std::string>& names);

// One metric of several designs side by side (compare): bars labelled with their values.
struct ParadigmValue {
  std::string paradigm;
  double value = 0;
};
nlohmann::json paradigm_chart(const std::string& title, const std::string& unit,
                              const std::vector<ParadigmValue>& values);

}  // namespace dnne
