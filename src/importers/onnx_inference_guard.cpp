#include "importers/onnx_inference_guard.h"

#include <onnx/defs/shape_inference.h>

#include <unordered_set>

#include "importers/onnx_graph.h"
#include "util/expected.h"

namespace dnne {

namespace {

using Verdict = RankVerdict;

Verdict invalid(std::string what) { return {Verdict::kInvalid, std::move(what)}; }

std::string rank_text(int rank) { return std::to_string(rank); }

// Where an operator's data input and weight are (ONNX operator definitions).
struct ConvInputs {
  int x, w;
};
const ConvInputs* conv_inputs(const std::string& op) {
  static const std::unordered_map<std::string, ConvInputs> kOps = {
      {"Conv", {0, 1}}, {"ConvInteger", {0, 1}}, {"QLinearConv", {0, 3}}, {"ConvTranspose", {0, 1}}};
  auto it = kOps.find(op);
  return it == kOps.end() ? nullptr : &it->second;
}

bool is_pool(const std::string& op) {
  return op == "MaxPool" || op == "AveragePool" || op == "LpPool" || op == "MaxUnpool";
}

// The per-axis attributes of a window operator against the spatial rank of its input (the
// input's rank minus N and C). libonnx checks most of these only after it has indexed with
// them (ConvTranspose's effective kernel, the SAME padding loop), and a mismatch is a node no
// runtime accepts.
Verdict window_counts(int spatial, const std::function<int(const std::string&)>& ints_count) {
  for (const char* name : {"kernel_shape", "strides", "dilations", "output_padding"}) {
    const int n = ints_count(name);
    if (n >= 0 && n != spatial)
      return invalid(std::string(name) + " has " + std::to_string(n) + " values, expected " +
                     std::to_string(spatial) + " (X has rank " + rank_text(spatial + 2) +
                     ": one per spatial axis)");
  }
  const int pads = ints_count("pads");
  if (pads >= 0 && pads != 2 * spatial)
    return invalid("pads has " + std::to_string(pads) + " values, expected " +
                   std::to_string(2 * spatial) + " (X has rank " + rank_text(spatial + 2) +
                   ": begin and end of each spatial axis)");
  const int output_shape = ints_count("output_shape");
  if (output_shape >= 0 && output_shape != spatial && output_shape != spatial + 2)
    return invalid("output_shape has " + std::to_string(output_shape) + " values, expected " +
                   std::to_string(spatial) + " (X has rank " + rank_text(spatial + 2) + ")");
  return {};
}

std::vector<int> ranks_in(const onnx::InferenceContext& ctx) {
  std::vector<int> ranks;
  for (size_t i = 0; i < ctx.getNumInputs(); ++i) {
    const onnx::TypeProto* type = ctx.getInputType(i);
    const bool shaped = type && type->value_case() == onnx::TypeProto::kTensorType &&
                        type->tensor_type().has_shape();
    ranks.push_back(shaped ? type->tensor_type().shape().dim_size() : -1);
  }
  return ranks;
}

bool default_domain(const std::string& domain) { return domain.empty() || domain == "ai.onnx"; }

// Operators whose inference function inference_rank_verdict covers.
bool has_rank_rule(const std::string& op) {
  static const std::unordered_set<std::string> kOps = {
      "Conv", "ConvInteger", "QLinearConv", "ConvTranspose", "MaxPool", "AveragePool", "LpPool",
      "MaxUnpool", "MaxRoiPool", "Gemm", "RNN", "GRU", "LSTM", "STFT"};
  return kOps.count(op) > 0;
}

// ONNX's Add/Sub/Mul propagation (MathOpDataPropagator) broadcasts a one-value shape against
// an empty one by reading the empty one's dim 0.
bool math_propagation_misreads(onnx::DataPropagationContext& ctx) {
  if (ctx.getNumInputs() < 2) return false;
  const onnx::TensorShapeProto* a = ctx.getInputData(0);
  const onnx::TensorShapeProto* b = ctx.getInputData(1);
  return a && b && (a->dim_size() == 0) != (b->dim_size() == 0);
}

// Values a tensor's payload holds, in elements of its type (raw_data by its element size,
// else the typed field the ONNX spec assigns the type: onnx.proto TensorProto), or -1 for a
// type with no defined payload.
int64_t held_values(const onnx::TensorProto& t) {
  using T = onnx::TensorProto;
  int64_t raw_bytes = 0, typed = 0;
  switch (t.data_type()) {
    case T::FLOAT: raw_bytes = 4; typed = t.float_data_size(); break;
    case T::COMPLEX64: raw_bytes = 8; typed = t.float_data_size() / 2; break;
    case T::DOUBLE: raw_bytes = 8; typed = t.double_data_size(); break;
    case T::COMPLEX128: raw_bytes = 16; typed = t.double_data_size() / 2; break;
    case T::INT64: raw_bytes = 8; typed = t.int64_data_size(); break;
    case T::UINT64: raw_bytes = 8; typed = t.uint64_data_size(); break;
    case T::UINT32: raw_bytes = 4; typed = t.uint64_data_size(); break;
    case T::INT32: raw_bytes = 4; typed = t.int32_data_size(); break;
    case T::INT16: case T::UINT16: case T::FLOAT16: case T::BFLOAT16:
      raw_bytes = 2; typed = t.int32_data_size(); break;
    case T::INT8: case T::UINT8: case T::BOOL:
      raw_bytes = 1; typed = t.int32_data_size(); break;
    case T::STRING: return t.string_data_size();
    default: return -1;
  }
  if (t.raw_data().empty()) return typed;
  const auto bytes = static_cast<int64_t>(t.raw_data().size());
  return bytes % raw_bytes == 0 ? bytes / raw_bytes : -1;
}

// True when the tensor holds exactly the values its dims call for (or lives in an external
// file, which ONNX's ParseData refuses with an inference error of its own).
bool holds_its_values(const onnx::TensorProto& t) {
  if (t.data_location() == onnx::TensorProto::EXTERNAL || t.external_data_size() > 0) return true;
  int64_t n = 1;
  for (int64_t d : t.dims())
    if (d < 0 || __builtin_mul_overflow(n, d, &n)) return false;
  return held_values(t) == n;
}

// The inference context an operator's function sees: ONNX's own, except that a constant input
// whose payload does not hold what its dims say reads as unknown (no data). ONNX 1.12's
// inference functions read constant inputs (Range's scalars, Resize's scales, OneHot's depth,
// Reshape's shape) without comparing the payload with the dims, and a scalar with no value
// crashed Range (a fuzz finding). The importer drops weight payloads (only dims matter) but
// keeps small tensors; a small float tensor written without values is legal for us (an
// exporter's weights stripped of data), so it is not refused here, only never read.
class ValuedInputs : public onnx::InferenceContext {
 public:
  explicit ValuedInputs(onnx::InferenceContext& inner) : inner_(inner) {}
  const onnx::AttributeProto* getAttribute(const std::string& name) const override {
    return inner_.getAttribute(name);
  }
  size_t getNumInputs() const override { return inner_.getNumInputs(); }
  const onnx::TypeProto* getInputType(size_t i) const override { return inner_.getInputType(i); }
  const onnx::TensorProto* getInputData(size_t i) const override {
    const onnx::TensorProto* t = inner_.getInputData(i);
    return t && holds_its_values(*t) ? t : nullptr;
  }
  size_t getNumOutputs() const override { return inner_.getNumOutputs(); }
  onnx::TypeProto* getOutputType(size_t i) override { return inner_.getOutputType(i); }
  onnx::GraphInferencer* getGraphAttributeInferencer(const std::string& name) override {
    return inner_.getGraphAttributeInferencer(name);
  }
  const onnx::SparseTensorProto* getInputSparseData(size_t i) const override {
    return inner_.getInputSparseData(i);
  }
  const onnx::TensorShapeProto* getSymbolicInput(size_t i) const override {
    return inner_.getSymbolicInput(i);
  }

 private:
  onnx::InferenceContext& inner_;
};

}  // namespace

RankVerdict inference_rank_verdict(const std::string& op, const std::vector<int>& ranks,
                                   const std::function<int(const std::string&)>& ints_count) {
  auto rank = [&](size_t i) { return i < ranks.size() ? ranks[i] : -1; };
  if (const ConvInputs* in = conv_inputs(op)) {
    const int x = rank(in->x), w = rank(in->w);
    // libonnx reads one input dim per weight dim past the second (Conv), and dim 1 and the
    // effective kernel per input dim of the weight (ConvTranspose).
    if (x >= 0 && w >= 0 && w != x)
      return invalid("W has rank " + rank_text(w) + ", expected " + rank_text(x) +
                     " (the rank of X: out/in channels and one kernel dim per spatial axis)");
    if (x >= 2) return window_counts(x - 2, ints_count);
    return {};
  }
  if (is_pool(op)) {
    const int x = rank(0);
    if (x >= 2) {
      if (Verdict v = window_counts(x - 2, ints_count); v.kind != Verdict::kOk) return v;
    }
    // MaxUnpool without output_shape takes its channels from dim 1 of the indices, which
    // have X's shape (the indices MaxPool wrote).
    if (op == "MaxUnpool" && ranks.size() == 2 && x >= 2) {
      const int indices = rank(1);
      if (indices < 0) return {Verdict::kUnknown, ""};
      if (indices != x)
        return invalid("I (indices) has rank " + rank_text(indices) + ", expected " +
                       rank_text(x) + " (the rank of X: one index per element of X)");
    }
    return {};
  }
  // Fixed ranks the operator definitions state and older inference functions index unchecked.
  auto fixed = [&](size_t i, const char* name, int expected, const char* layout) -> Verdict {
    const int r = rank(i);
    if (r >= 0 && r != expected)
      return invalid(std::string(name) + " has rank " + rank_text(r) + ", expected " +
                     rank_text(expected) + " (" + layout + ")");
    return {};
  };
  if (op == "MaxRoiPool") return fixed(0, "X", 4, "N, C, H, W");
  if (op == "Gemm") {
    if (Verdict v = fixed(0, "A", 2, "a matrix"); v.kind != Verdict::kOk) return v;
    return fixed(1, "B", 2, "a matrix");
  }
  if (op == "RNN" || op == "GRU" || op == "LSTM")
    return fixed(0, "X", 3, "sequence, batch, input size");
  if (op == "STFT") return fixed(0, "signal", 3, "batch, length, 1 or 2");
  return {};
}

void check_inference_ranks(const onnx::GraphProto& graph, const DimsTable& dims,
                           const std::string& path, int64_t opset) {
  for (const auto& node : graph.node()) {
    if (!default_domain(node.domain()) || !has_rank_rule(node.op_type())) continue;
    std::vector<int> ranks;
    for (const auto& in : node.input()) {
      auto it = in.empty() ? dims.end() : dims.find(in);
      ranks.push_back(it == dims.end() ? -1 : static_cast<int>(it->second.size()));
    }
    auto ints_count = [&](const std::string& name) {
      for (const auto& a : node.attribute())
        if (a.name() == name) return a.ints_size();
      return -1;
    };
    const RankVerdict v = inference_rank_verdict(node.op_type(), ranks, ints_count);
    if (v.kind == RankVerdict::kInvalid) throw_node_error(path, node, opset, v.what);
  }
}

const onnx::OpSchema* GuardedSchemas::GetSchema(const std::string& key,
                                                const int maxInclusiveVersion,
                                                const std::string& domain) const {
  const onnx::OpSchema* schema = onnx::OpSchemaRegistry::Schema(key, maxInclusiveVersion, domain);
  if (!schema) return schema;
  const bool infers = schema->has_type_and_shape_inference_function();
  const bool rule = default_domain(domain) && has_rank_rule(key) && infers;
  const bool propagates = default_domain(domain) && schema->has_data_propagation_function();
  if (!infers && !propagates) return schema;
  auto& copy = guarded_[schema];
  if (copy) return copy.get();
  copy = std::make_unique<onnx::OpSchema>(*schema);
  if (infers) {
    // Every operator's inference (any domain) reads constant inputs through ValuedInputs;
    // those with a rank rule run only when the known ranks are what they index.
    copy->TypeAndShapeInferenceFunction(
        [infer = schema->GetTypeAndShapeInferenceFunction(), refusal = first_refusal_, rule,
         op = key](onnx::InferenceContext& ctx) {
          ValuedInputs valued(ctx);
          if (!rule) return infer(valued);
          auto ints_count = [&](const std::string& name) {
            const onnx::AttributeProto* a = ctx.getAttribute(name);
            return a ? a->ints_size() : -1;
          };
          const RankVerdict v = inference_rank_verdict(op, ranks_in(ctx), ints_count);
          if (v.kind == RankVerdict::kInvalid && refusal->empty()) *refusal = op + ": " + v.what;
          if (v.kind == RankVerdict::kOk) infer(valued);
        });
  }
  if (propagates) {
    const bool math = key == "Add" || key == "Sub" || key == "Mul";
    copy->PartialDataPropagationFunction(
        [propagate = schema->GetDataPropagationFunction(), math](onnx::DataPropagationContext& ctx) {
          // Shape's propagation reads its input's type, which is null when no node typed it
          // (an operator without a schema, or one whose inference failed).
          if (ctx.getNumInputs() > 0 && ctx.getInputType(0) == nullptr) return;
          if (math && math_propagation_misreads(ctx)) return;
          propagate(ctx);
        });
  }
  return copy.get();
}

}  // namespace dnne
