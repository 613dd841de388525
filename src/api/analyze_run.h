// analyze's report: per-layer operations, parameters, feature maps and CTC of a network.
#pragma once

#include "api/run_report.h"

namespace dnne {

RunReport analyze_run(const Network& network, int precision_bits);

}  // namespace dnne
