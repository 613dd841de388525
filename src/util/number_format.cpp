#include "util/number_format.h"

#include <cmath>
#include <cstdio>

namespace dnne {

namespace {
// Whole numbers up to this size print without an exponent (beyond it "%.0f" gives long runs
// of digits nobody reads; ours).
constexpr double kLargestPrintedWhole = 1e15;
}  // namespace

std::string with_commas(int64_t value) {
  // Negate in unsigned arithmetic so INT64_MIN has a magnitude too.
  const uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const std::string digits = std::to_string(magnitude);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string fixed(double value, int digits) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  if (n >= 0 && static_cast<size_t>(n) >= sizeof buffer) {
    // A huge value (1e300) in fixed point: size the text to it.
    std::string text(static_cast<size_t>(n) + 1, '\0');
    std::snprintf(text.data(), text.size(), "%.*f", digits, value);
    text.resize(static_cast<size_t>(n));
    return text;
  }
  return buffer;
}

std::string significant(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string si_units(double value, int digits) {
  static constexpr const char* kSuffix[] = {"", "K", "M", "G", "T", "P"};
  int index = 0;
  while (std::fabs(value) >= 1000.0 && index < 5) {
    value /= 1000.0;
    ++index;
  }
  return fixed(value, index == 0 ? 0 : digits) + kSuffix[index];
}

std::string format_number(double value) {
  return significant(value, 10);
}

std::string readable(double value, int digits) {
  const double magnitude = std::fabs(value);
  if (magnitude >= std::pow(10.0, digits) && magnitude < kLargestPrintedWhole)
    return fixed(value, 0);
  return significant(value, digits);
}

std::string whole_or_fixed(double value, int digits) {
  const bool whole =
      std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < kLargestPrintedWhole;
  return fixed(value, whole ? 0 : digits);
}

}  // namespace dnne
