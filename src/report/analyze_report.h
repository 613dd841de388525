// Views of a workload analysis (`dnnexplorer analyze`): a table for people, JSON for tools
// (keys fixed by docs/spec/CLI.md), CSV for plotting. All three read the same Network.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "graph/network.h"

namespace dnne {

std::string analyze_table(const Network& network, int precision_bits);
nlohmann::json analyze_json(const Network& network, int precision_bits);
std::string analyze_csv(const Network& network, int precision_bits);

}  // namespace dnne
