// Whether a design's budget fits the device it runs on. The cost models check a design
// against its budget; bench also checks that budget against the device, because a design
// file records the budget it was made for, and a design made for a larger device (a zcu102
// design benched on a pynq_z1) must not report feasible there.
#pragma once

#include "device/device.h"
#include "model/estimate.h"

namespace dnne {

// One violation (Scope::kDevice, field "budget.dsp" ...) per resource whose budget exceeds
// the device's figure, listed before the model's own violations: it is the first thing to fix.
void add_device_violations(const Budget& budget, const Device& device, Estimate& out);

}  // namespace dnne
