#include "importers/onnx_einsum.h"

#include <algorithm>
#include <map>

namespace dnne {

std::optional<EinsumEquation> parse_einsum(std::string eq) {
  eq.erase(std::remove(eq.begin(), eq.end(), ' '), eq.end());
  const size_t comma = eq.find(','), arrow = eq.find("->");
  if (comma == std::string::npos || arrow == std::string::npos || arrow < comma ||
      eq.find(',', comma + 1) != std::string::npos || eq.find("...") != std::string::npos)
    return std::nullopt;
  return EinsumEquation{eq.substr(0, comma), eq.substr(comma + 1, arrow - comma - 1),
                        eq.substr(arrow + 2)};
}

std::optional<std::vector<int64_t>> einsum_output_dims(const EinsumEquation& eq,
                                                       const std::vector<int64_t>& a,
                                                       const std::vector<int64_t>& b) {
  if (a.size() != eq.a.size() || b.size() != eq.b.size()) return std::nullopt;
  std::map<char, int64_t> size;
  auto learn = [&](const std::string& letters, const std::vector<int64_t>& dims) {
    for (size_t i = 0; i < letters.size(); ++i) {
      auto [it, fresh] = size.emplace(letters[i], dims[i]);
      // Equal sizes, or numpy-style broadcasting of a 1.
      if (!fresh && it->second != dims[i]) {
        if (it->second != 1 && dims[i] != 1) return false;
        it->second = std::max(it->second, dims[i]);
      }
    }
    return true;
  };
  if (!learn(eq.a, a) || !learn(eq.b, b)) return std::nullopt;
  std::vector<int64_t> out;
  for (char c : eq.out) {
    auto it = size.find(c);
    if (it == size.end()) return std::nullopt;
    out.push_back(it->second);
  }
  return out;
}

}  // namespace dnne
