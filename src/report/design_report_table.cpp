// The people's view of one evaluated design (per-layer table and totals) and its CSV.
#include <algorithm>
#include <sstream>

#include "report/design_report.h"
#include "report/design_report_detail.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne {

namespace {

std::string percent(double part, double whole) {
  return whole > 0 ? fixed(100.0 * part / whole, 1) + " %" : "-";
}

// "5,520*" when the user overrode the figure for this run.
std::string marked(const std::string& text, bool overridden) {
  return overridden ? text + "*" : text;
}

std::string layers_table(const DesignReportInput& in) {
  using A = TextTable::Align;
  TextTable table({{"layer", A::kLeft},
                   {"kind", A::kLeft},
                   {"part", A::kLeft},
                   {"cycles/frame"},
                   {"us/frame"},
                   {"bound", A::kLeft},
                   {"DSP"},
                   {"BRAM18"},
                   {"avg GB/s"},
                   {"BW share"}});
  const double clock_mhz = detail::effective_clock_mhz(in);
  for (const LayerEstimate& l : in.estimate.layers) {
    const auto& stage = in.problem.workload.stage(l.stage);
    table.add_row({detail::stage_name(in, l.stage), std::string(kind_name(stage.kind)),
                   std::string(part_name(l.part)), with_commas(l.cycles),
                   clock_mhz > 0 ? fixed(static_cast<double>(l.cycles) / clock_mhz, 1) : "-",
                   std::string(bound_name(l.bound)), with_commas(l.dsp), with_commas(l.bram18),
                   fixed(l.dram_bw_gbps, 2),
                   percent(l.dram_bw_gbps, in.estimate.dram_bw_gbps_used)});
  }
  return table.render();
}

// Says what "per frame" means for this design, under the table: a pipeline layer's figures
// are one frame on one replica while B replicas work side by side, an engine layer's are its
// pass over B_g frames divided by B_g (docs/models.md 3.1 and 4.3; README "Reading the output").
std::string table_legend(const DesignReportInput& in) {
  const int n = in.problem.workload.stage_count();
  const int sp = in.design.split_point;
  std::ostringstream out;
  out << "per frame:";
  if (sp > 0) {
    const int b = in.design.pipeline.batch;
    out << " pipeline layers, one frame on "
        << (b == 1 ? std::string("its one replica")
                   : "one of its " + std::to_string(b) + " replicas (" + std::to_string(b) +
                         " frames in flight)");
  }
  if (sp > 0 && sp < n) out << ";";
  if (sp < n) {
    const int b = in.design.generic.batch;
    out << " engine layers, ";
    if (b == 1)
      out << "one frame per pass";
    else
      out << "a pass of " << b << " frames / " << b;
  }
  out << "\navg GB/s: the layer's DRAM traffic averaged over its part's period (a bandwidth-bound "
         "layer draws more while it runs); BW share: its share of the design's total\n";
  return out.str();
}

// DSP efficiency above 100 % is not an error: Winograd F(m x m, 3x3) computes a 3x3
// convolution's MACs with fewer multiplies (docs/models.md 4.6), and efficiency counts MACs.
std::string efficiency_note(const DesignReportInput& in) {
  if (in.estimate.dsp_efficiency <= 1.0 || in.design.generic.winograd_m <= 0 ||
      in.design.split_point >= in.problem.workload.stage_count())
    return "";
  const std::string m = std::to_string(in.design.generic.winograd_m);
  return " (above 100 %: Winograd F(" + m + "x" + m +
         ",3x3) does a 3x3 conv's MACs with fewer multiplies; --no-winograd for spatial only)";
}

std::string totals(const DesignReportInput& in) {
  const Estimate& e = in.estimate;
  const Budget& b = in.problem.budget.budget;
  const BudgetOverrides& o = in.problem.budget.overrides;
  std::ostringstream out;
  out << "throughput      " << fixed(e.throughput_gops, 1) << " GOP/s, "
      << fixed(e.throughput_fps, 2) << " frames/s\n"
      << "latency         " << fixed(e.latency_ms, 3) << " ms per frame, input to output\n"
      << "DSP             " << with_commas(e.dsp_used) << " / "
      << marked(with_commas(b.dsp), o.dsp.has_value()) << " ("
      << percent(static_cast<double>(e.dsp_used), static_cast<double>(b.dsp)) << ")\n"
      << "BRAM18          " << with_commas(e.bram18_used) << " / "
      << marked(with_commas(b.bram18), o.bram18.has_value()) << " ("
      << percent(static_cast<double>(e.bram18_used), static_cast<double>(b.bram18)) << ")\n"
      << "URAM            " << with_commas(e.uram_used) << " / "
      << marked(with_commas(b.uram), o.uram.has_value()) << " ("
      << percent(static_cast<double>(e.uram_used), static_cast<double>(b.uram)) << ")\n"
      << "LUT             " << with_commas(e.lut_used) << " / "
      << (b.lut > 0 ? marked(with_commas(b.lut), o.lut.has_value()) + " (" +
                          percent(static_cast<double>(e.lut_used), static_cast<double>(b.lut)) +
                          ")"
                    : std::string("not stated by the device (not checked)"))
      << "\n"
      << "DRAM bandwidth  " << fixed(e.dram_bw_gbps_used, 2) << " / "
      << marked(fixed(b.dram_bw_gbps, 2), o.dram_bw_gbps.has_value()) << " GB/s ("
      << percent(e.dram_bw_gbps_used, b.dram_bw_gbps) << ")\n"
      << "DSP efficiency  " << fixed(100.0 * e.dsp_efficiency, 1) << " %" << efficiency_note(in)
      << "\n"
      << "clock           "
      << marked(fixed(detail::effective_clock_mhz(in), 1), o.clock_mhz.has_value()) << " MHz\n"
      << "precision       "
      << marked(std::to_string(b.precision_bits), o.precision_bits.has_value()) << " bits\n";
  out << detail::budget_origin_line(in.problem.budget.device, o);
  return out.str();
}

std::string feasibility(const DesignReportInput& in) {
  const Estimate& e = in.estimate;
  if (e.feasible) return "feasible: yes\n";
  std::string text = "feasible: NO, " + std::to_string(e.violation_count) + " violation" +
                     (e.violation_count == 1 ? "" : "s") + ":\n";
  const int shown = std::min<int>(e.violation_count, static_cast<int>(e.violations.size()));
  for (int i = 0; i < shown; ++i)
    text += "  - " + detail::violation_text(in, e.violations[static_cast<size_t>(i)]) + "\n";
  if (e.violation_count > shown)
    text += "  ... and " + std::to_string(e.violation_count - shown) + " more\n";
  return text;
}

}  // namespace

std::string design_report_table(const DesignReportInput& in) {
  const int n = in.problem.workload.stage_count();
  std::ostringstream out;
  out << in.problem.network.name() << " on " << in.problem.budget.device.name << " ("
      << in.problem.budget.device.part << ", " << in.problem.budget.device.board
      << "): " << paradigm_of(in.design, in.problem.workload) << " design, split point "
      << in.design.split_point << " of " << n << " stage layers\n\n"
      << layers_table(in) << table_legend(in) << "\n"
      << totals(in) << feasibility(in);
  return out.str();
}

std::string design_layers_csv(const DesignReportInput& in) {
  std::ostringstream out;
  out << "layer,kind,part,cycles,time_us,bound,dsp,bram18,dram_bw_gbps,uram,lut\n";
  const double clock_mhz = detail::effective_clock_mhz(in);
  for (const LayerEstimate& l : in.estimate.layers) {
    const auto& stage = in.problem.workload.stage(l.stage);
    out << '"' << detail::stage_name(in, l.stage) << "\"," << kind_name(stage.kind) << ','
        << part_name(l.part) << ',' << l.cycles << ','
        << fixed(clock_mhz > 0 ? static_cast<double>(l.cycles) / clock_mhz : 0.0, 3) << ','
        << bound_name(l.bound) << ',' << l.dsp << ',' << l.bram18 << ',' << fixed(l.dram_bw_gbps, 4)
        << ',' << l.uram << ',' << l.lut << '\n';
  }
  return out.str();
}

}  // namespace dnne
