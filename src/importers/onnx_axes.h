// Axis attributes checked against the rank of the tensor they index, once ONNX's shape
// inference has given every tensor its rank. An axis is read from the file as an int64 and
// narrowed to int by the mappers (Concat, the reductions): 2^32 + 1 must not become axis 1,
// and an axis past the rank must not be dropped silently (issue 14).
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

#include "importers/onnx_constants.h"

namespace dnne {

// For every ai.onnx node whose reference input's rank is known: `axis` and each of `axes` in
// [-r, r-1] (Flatten's axis in [-r, r], Unsqueeze's axes against the output rank, OneHot's
// axis in [-r-1, r]), no axis listed twice, Transpose's `perm` a permutation of [0, r).
// Throws InputError "PATH: node 'n' (Concat, opset 13): axis 7 is outside [-4, 3] (input 'x'
// has rank 4)".
void check_onnx_axes(const onnx::GraphProto& graph, const DimsTable& dims, const std::string& path,
                     int64_t opset);

}  // namespace dnne
