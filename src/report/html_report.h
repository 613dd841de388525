// report.html for `explore --out` and `compare --out` (README "report.html"): the inputs
// and tool version, the key figures, per-layer time by binding resource with the split
// point, resources against the budget, the design space (a sample of the designs evaluated,
// the Pareto front, the chosen designs) and, for compare, the paradigms side by side.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "search/pareto.h"
#include "search/search_options.h"

namespace dnne {

// The options a report names so that the run can be repeated.
nlohmann::json search_options_json(const SearchOptions& options);

struct ExploreHtmlInput {
  const nlohmann::json& report;   // explore_report_json (feasible), with "pareto" when kept
  const DesignSpace& space;       // recorded by the search
  const nlohmann::json& options;  // search_options_json
};
std::string explore_report_html(const ExploreHtmlInput& in);

struct CompareHtmlInput {
  const nlohmann::json& report;     // compare_report_json
  const DesignSpace& hybrid_space;  // recorded by the hybrid search
  const nlohmann::json& options;
};
std::string compare_report_html(const CompareHtmlInput& in);

}  // namespace dnne
