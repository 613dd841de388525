// The design file: a documented JSON form of Design that users write by hand, `bench
// --design` reads and `explore --out DIR` writes as DIR/design.json. Round trip is exact.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "design/design.h"
#include "design/stage_names.h"
#include "util/expected.h"

namespace dnne {

// Stages are written with their layer names so a reader can see which layer each is.
// `names`: the network's stage layers (stage_names(workload, network), model/workload.h).
nlohmann::json design_to_json(const Design& design, const StageNames& names);

// Validation collects every problem and names the field and why ("stages[3] (conv3_1): cpf
// 0 must be >= 1", "unknown key 'kpf1', did you mean 'kpf'?"); `source` (the file name)
// starts each message.
// Stage entries must name the stage layers of `names`, in order.
Expected<Design> design_from_json(const nlohmann::json& json, const StageNames& names,
                                  const std::string& source);

Expected<Design> read_design_file(const std::string& path, const StageNames& names);

}  // namespace dnne
