// Keeps libonnx's shape inference from reading past a shape. ONNX 1.12's inference and
// data-propagation functions index input dims they never checked: MaxUnpool reads dim 1 of
// its indices, ConvTranspose dim 1 of its weight, Conv the input dims a higher-rank weight
// implies, the old Gemm and RNN versions dims 0 and 1, STFT dim 1 of its signal, Shape's data
// propagation the type of an input nothing typed, Add/Sub/Mul's dim 0 of an empty shape
// value. On a file that gets those ranks wrong the process dies with SIGSEGV (issue 14).
//
// Input ranks are known only while inference runs (they come from the nodes before), so the
// check cannot all happen before it: GuardedSchemas hands ONNX its own schemas with those
// functions wrapped. A wrapped inference function runs only when the known ranks are what it
// indexes; otherwise the node's outputs stay unknown and check_inference_ranks, run on the
// inferred dims afterwards with the same rule, names the node (exit 2). A data-propagation
// function with an input it would misread is skipped: that loses a folded shape value, never
// a valid model (our own constant folding covers Shape/Gather/Concat/... chains).
//
// Every operator's inference (any domain) also reads its constant inputs through a view
// that hides a tensor whose payload does not hold the values its dims call for: ONNX's
// inference reads Range's scalars, Resize's scales or OneHot's depth without that check, and a
// float scalar with no value would crash it. Such an input reads as unknown, as a runtime
// input would.
#pragma once

#include <onnx/defs/schema.h>
#include <onnx/onnx_pb.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "importers/onnx_constants.h"

namespace dnne {

// What the ranks of one node's inputs say about its inference.
struct RankVerdict {
  enum Kind { kOk, kUnknown, kInvalid } kind = kOk;  // kUnknown: too little is known to infer
  std::string what;                                   // for kInvalid: what was expected
};

// One node's view: `ranks[i]` is input i's rank, -1 when it is absent or its shape unknown;
// `ints_count(name)` the number of values of an INTS attribute, -1 when absent.
RankVerdict inference_rank_verdict(const std::string& op, const std::vector<int>& ranks,
                                   const std::function<int(const std::string&)>& ints_count);

// Throws InputError ("PATH: node 'u1' (MaxUnpool, opset 13): ...") for the first node of the
// default domain whose inputs, as inferred in `dims`, contradict inference_rank_verdict.
void check_inference_ranks(const onnx::GraphProto& graph, const DimsTable& dims,
                           const std::string& path, int64_t opset);

// The registry InferShapes is given: ONNX's own schemas, with a guarded copy for every operator
// of the default domain whose inference or data propagation needs one. Not thread-safe: one
// per inference.
class GuardedSchemas : public onnx::ISchemaRegistry {
 public:
  const onnx::OpSchema* GetSchema(const std::string& key, const int maxInclusiveVersion,
                                  const std::string& domain) const override;

  // The first refusal of a wrapped function ("MaxUnpool: indices has rank 1, ..."), empty if
  // none: the message when check_inference_ranks cannot find the node.
  const std::string& first_refusal() const { return *first_refusal_; }

 private:
  mutable std::unordered_map<const onnx::OpSchema*, std::unique_ptr<onnx::OpSchema>> guarded_;
  std::shared_ptr<std::string> first_refusal_ = std::make_shared<std::string>();
};

}  // namespace dnne
