// Two-operand Einsum equations ("bhid,bhjd->bhij"): parsing and output dims. ONNX 1.12's
// shape inference gives Einsum's output rank only; the importer fills in the dims.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dnne {

struct EinsumEquation {
  std::string a, b, out;  // one letter per dim of each operand and of the output
};

// nullopt unless the equation has exactly two operands, an explicit output and no ellipsis.
std::optional<EinsumEquation> parse_einsum(std::string equation);

// The output dims from the operands' dims; nullopt when the ranks or letter sizes disagree.
std::optional<std::vector<int64_t>> einsum_output_dims(const EinsumEquation& eq,
                                                       const std::vector<int64_t>& a,
                                                       const std::vector<int64_t>& b);

}  // namespace dnne
