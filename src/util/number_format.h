// Numbers as text: the one place every report view and message formats a number, so the same
// figure reads the same wherever it appears.
#pragma once

#include <cstdint>
#include <string>

namespace dnne {

// 15346630656 -> "15,346,630,656".
std::string with_commas(int64_t value);

// Fixed-point with `digits` decimals (printf "%.*f"): fixed(19.25, 1) -> "19.2".
std::string fixed(double value, int digits);

// `digits` significant digits, trailing zeros dropped (printf "%.*g"): significant(0.15234, 4)
// -> "0.1523", significant(1e12, 6) -> "1e+12".
std::string significant(double value, int digits);

// 15346630656 -> "15.35G"; for compact columns. Below 1000 the value is printed whole.
std::string si_units(double value, int digits = 2);

// A number from an input file or flag quoted in a message, as a person would write it:
// 200 -> "200", 19.2 -> "19.2", 1e12 -> "1e+12" (ten significant digits).
std::string format_number(double value);

// `digits` significant digits, but never an exponent a person has to decode for a number too
// large for them: readable(164.62, 4) -> "164.6", readable(123456.7, 4) -> "123457",
// readable(1e11, 10) -> "100000000000". From 1e15 on (and below 10^-digits) the exponent stays.
std::string readable(double value, int digits);

// Whole numbers print whole, others with `digits` decimals: 12 -> "12", 19.2 -> "19.20" (2).
std::string whole_or_fixed(double value, int digits);

}  // namespace dnne
