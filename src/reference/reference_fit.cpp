#include "reference/reference_fit.h"

namespace dnne {

ReferenceFit reference_fit(const ReferenceDesign& d, const Device& device) {
  ReferenceFit fit;
  auto check = [&](const char* resource, int64_t needed, int64_t available) {
    if (needed > available) fit.over.push_back({resource, needed, available});
  };
  check("DSP", d.dsp, device.dsp);
  if (d.bram18)
    check("BRAM18", *d.bram18, device.bram18);
  else
    fit.unchecked.push_back("BRAM18 of this build is not published (URAM replaces part of it)");
  if (d.uram > 0) check("URAM", d.uram, device.uram);
  if (device.lut > 0) check("LUT", d.lut, device.lut);
  fit.feasible = fit.over.empty();
  return fit;
}

std::string describe(const ReferenceFit& fit) {
  std::string text;
  for (const ReferenceShortfall& s : fit.over) {
    if (!text.empty()) text += "; ";
    text += s.resource + " needed " + std::to_string(s.needed) + " > available " +
            std::to_string(s.available);
  }
  return text;
}

}  // namespace dnne
