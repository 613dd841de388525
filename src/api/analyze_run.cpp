#include "api/analyze_run.h"

#include <memory>

#include "report/analyze_report.h"

namespace dnne {

RunReport analyze_run(const Network& network, int precision_bits) {
  auto net = std::make_shared<const Network>(network);
  return {.kind = "analyze",
          .json = analyze_json(*net, precision_bits),
          .table = [net, precision_bits] { return analyze_table(*net, precision_bits); },
          .csv = [net, precision_bits] { return analyze_csv(*net, precision_bits); }};
}

}  // namespace dnne
