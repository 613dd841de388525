// A graph pass: fold standalone activations and normalisations into the layer that produces
// their input, as the accelerators do (docs/spec/MODELS.md section 1: "fused ... folded into the
// producer; counted as ops, never silently dropped").
#pragma once

#include "graph/network.h"

namespace dnne {

// A kFused layer is folded when its only input is a conv, fc, matmul or eltwise layer whose
// only consumer it is; its op joins the producer's fused_ops and its consumers read the
// producer instead. BatchNorm folded into a conv or fc without a bias gives it one (the
// folded shift), so params match a BN-folded deployment. Anything else is left standing.
Network fold_fused_layers(const Network& network);

}  // namespace dnne
