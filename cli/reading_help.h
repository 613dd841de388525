// The "Reading the output" words of the README, shown under each command's --help so the
// explanation is where the output is (README section "Reading the output" has the same text).
#pragma once

namespace dnne::cli {

// For bench and explore: the per-layer table, the totals and the design line.
const char* reading_design_output();
// For compare: its header and columns (and the design table's words, which its rows share).
const char* reading_compare_output();
// For analyze: the workload table's columns.
const char* reading_analyze_output();

}  // namespace dnne::cli
