#include "api/run_report.h"

#include "design/design_json.h"

namespace dnne {

std::string design_file_text(const Design& design, const Workload& workload,
                             const Network& network) {
  return design_to_json(design, stage_names(workload, network)).dump(2) + "\n";
}

}  // namespace dnne
