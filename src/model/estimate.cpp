// Names of the estimate's enums and the one-line text of a violation (model/estimate.h).
#include "model/estimate.h"

#include <cmath>
#include <string>

#include "util/enum_names.h"
#include "util/number_format.h"

namespace dnne {

namespace {
constexpr auto kParts =
    enum_names<Part>({{Part::kPipeline, "pipeline"}, {Part::kGeneric, "generic"}});
constexpr auto kBounds = enum_names<Bound>({{Bound::kDsp, "dsp"},
                                            {Bound::kBram, "bram"},
                                            {Bound::kBandwidth, "bandwidth"},
                                            {Bound::kDependency, "dependency"},
                                            {Bound::kNone, "none"}});
constexpr auto kResources = enum_names<Resource>({{Resource::kDsp, "dsp"},
                                                  {Resource::kBram18, "bram18"},
                                                  {Resource::kBandwidth, "bandwidth"},
                                                  {Resource::kDesign, "design"},
                                                  {Resource::kUram, "uram"},
                                                  {Resource::kLut, "lut"}});
constexpr auto kScopes = enum_names<Scope>({{Scope::kDesign, "design"},
                                            {Scope::kPipeline, "pipeline"},
                                            {Scope::kGeneric, "generic"},
                                            {Scope::kDevice, "device"}});
static_assert(kParts.covers(Part::kGeneric) && kBounds.covers(Bound::kNone) &&
              kResources.covers(Resource::kLut) && kScopes.covers(Scope::kDevice));
}  // namespace

std::string_view part_name(Part part) {
  return kParts.name(part);
}

std::string_view bound_name(Bound bound) {
  return kBounds.name(bound);
}

void add_resource_violations(const PartSummary& used, const Budget& budget, Estimate& out) {
  if (used.dsp > budget.dsp)
    out.add_violation({.resource = Resource::kDsp,
                       .needed = static_cast<double>(used.dsp),
                       .available = static_cast<double>(budget.dsp)});
  if (used.bram18 > budget.bram18)
    out.add_violation({.resource = Resource::kBram18,
                       .needed = static_cast<double>(used.bram18),
                       .available = static_cast<double>(budget.bram18)});
  if (used.uram > budget.uram)
    out.add_violation({.resource = Resource::kUram,
                       .needed = static_cast<double>(used.uram),
                       .available = static_cast<double>(budget.uram)});
  if (budget.lut > 0 && used.lut > budget.lut)
    out.add_violation({.resource = Resource::kLut,
                       .needed = static_cast<double>(used.lut),
                       .available = static_cast<double>(budget.lut)});
}

std::string_view resource_name(Resource resource) {
  return kResources.name(resource);
}

std::string_view scope_name(Scope scope) {
  return kScopes.name(scope);
}

namespace {
// Whole numbers print as such; bandwidths with two decimals.
std::string number(double value) {
  return whole_or_fixed(value, 2);
}

std::string design_text(const Violation& v) {
  const std::string field = v.field ? v.field : "design";
  if (field == "pipeline stages")
    return "design has " + number(v.available) + " pipeline stage entries, its split point needs " +
           number(v.needed);
  if (field == "split_point")
    return "design field 'split_point' must be in [0, " + number(v.needed) + "], got " +
           number(v.available);
  if (field == "winograd_m")
    return "design field 'winograd_m' must be 0, 2 or 4, got " + number(v.available);
  if (field == "dsp_double_rate")
    return v.available > 0
               ? "design field 'dsp_double_rate': the DSP clock 2 x f = " + number(v.needed) +
                     " MHz exceeds the DSP family's " + number(v.available) +
                     " MHz (data sheet Fmax, docs/models.md 2.4)"
               : std::string("design field 'dsp_double_rate': no sourced DSP Fmax for this DSP "
                             "family (DSP48E1), so the double rate is not modelled");
  if (field == "clock_mhz")
    return "design field 'clock_mhz' must be > 0, got " + number(v.available);
  if (field == "weight DMA channels")
    return "weight DMA channels needed " + number(v.needed) + " > available " +
           number(v.available) +
           " (AccDNN's template streams at most that many layers' weights; set weights_on_chip "
           "on the others, docs/models.md 3.8)";
  return "design field '" + field + "' must be >= " + number(v.needed) + ", got " +
         number(v.available);
}
}  // namespace

std::string describe(const Violation& v) {
  std::string text;
  // A budget over the device (model/device_fit.h): the budget, not a need of the design.
  const char* amount = v.scope == Scope::kDevice ? " budget " : " needed ";
  switch (v.resource) {
    case Resource::kDsp:
      text = std::string("DSP") + amount + number(v.needed) + " > available " + number(v.available);
      break;
    case Resource::kBram18:
      text =
          std::string("BRAM18") + amount + number(v.needed) + " > available " + number(v.available);
      break;
    case Resource::kUram:
      text =
          std::string("URAM") + amount + number(v.needed) + " > available " + number(v.available);
      break;
    case Resource::kLut:
      text = std::string("LUT") + amount + number(v.needed) + " > available " + number(v.available);
      break;
    case Resource::kBandwidth:
      text = std::string("DRAM bandwidth") + amount + number(v.needed) + " GB/s > available " +
             number(v.available) + " GB/s";
      break;
    case Resource::kDesign:
      text = design_text(v);
      break;
  }
  if (v.field && v.resource != Resource::kDesign) text += std::string(" (") + v.field + ")";
  if (v.stage >= 0) text += " (stage " + std::to_string(v.stage) + ")";
  return text;
}

}  // namespace dnne
