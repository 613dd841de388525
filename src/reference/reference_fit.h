// Whether a reference template fits a device: its published resources against the part's.
// A template that does not fit is infeasible with each resource over named.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "device/device.h"
#include "reference/reference_design.h"

namespace dnne {

struct ReferenceShortfall {
  std::string resource;  // "DSP", "BRAM18", "URAM", "LUT"
  int64_t needed = 0;
  int64_t available = 0;
};

struct ReferenceFit {
  bool feasible = true;
  std::vector<ReferenceShortfall> over;
  // What could not be checked ("BRAM18 of the URAM build not published").
  std::vector<std::string> unchecked;
};

// LUT is checked only when the device file gives LUTs; URAM when the template uses any.
ReferenceFit reference_fit(const ReferenceDesign& design, const Device& device);

// "DSP needed 2760 > available 2520; BRAM18 needed 2056 > available 1824".
std::string describe(const ReferenceFit& fit);

}  // namespace dnne
