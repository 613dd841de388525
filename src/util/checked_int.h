// Integers that come from a file: narrowed to int with a range check, multiplied and added
// with an overflow check. A file is free to write 2^62 where we keep an int, or dims whose
// product passes int64 (signed overflow is undefined behaviour, and a wrapped value is a
// silent wrong answer); each helper reports instead of wrapping (docs/robustness.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dnne {

// The largest kernel, stride, dilation, pad or group count accepted from a model file: the
// same bound as an --input dimension (2^20, ours), far above any real network.
inline constexpr int64_t kMaxWindowValue = int64_t{1} << 20;

// `value` when it lies in [lo, hi], nullopt otherwise.
inline std::optional<int> narrow_int(int64_t value, int64_t lo, int64_t hi) {
  if (value < lo || value > hi) return std::nullopt;
  return static_cast<int>(value);
}

// "pads 4611686018427387904 is outside [0, 1048576]"
inline std::string outside_range(const std::string& what, int64_t value, int64_t lo, int64_t hi) {
  return what + " " + std::to_string(value) + " is outside [" + std::to_string(lo) + ", " +
         std::to_string(hi) + "]";
}

// a * b and a + b, nullopt on int64 overflow.
inline std::optional<int64_t> checked_mul(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}
inline std::optional<int64_t> checked_add(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

}  // namespace dnne
