#include "util/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace dnne {
namespace {

TEST(NumberFormat, WithCommasGroupsThousands) {
  EXPECT_EQ(with_commas(0), "0");
  EXPECT_EQ(with_commas(999), "999");
  EXPECT_EQ(with_commas(1000), "1,000");
  EXPECT_EQ(with_commas(15346630656), "15,346,630,656");
  EXPECT_EQ(with_commas(-1234567), "-1,234,567");
  // The most negative value has no positive counterpart in int64_t.
  EXPECT_EQ(with_commas(std::numeric_limits<int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(NumberFormat, FixedAndSignificant) {
  EXPECT_EQ(fixed(19.25, 3), "19.250");
  EXPECT_EQ(fixed(2.5, 0), "2");  // round half to even, as printf
  EXPECT_EQ(significant(0.152345, 4), "0.1523");
  EXPECT_EQ(significant(1e12, 6), "1e+12");
  // A value too long for a small buffer keeps all its digits.
  EXPECT_EQ(fixed(1e70, 1).size(), 73u);
}

TEST(NumberFormat, SiUnits) {
  EXPECT_EQ(si_units(999), "999");
  EXPECT_EQ(si_units(15346630656), "15.35G");
  EXPECT_EQ(si_units(1500, 1), "1.5K");
}

TEST(NumberFormat, FormatNumberIsHowAPersonWritesIt) {
  EXPECT_EQ(format_number(200), "200");
  EXPECT_EQ(format_number(19.2), "19.2");
  EXPECT_EQ(format_number(1e12), "1e+12");
}

TEST(NumberFormat, ReadableNeverNeedsAnExponentBelow1e15) {
  EXPECT_EQ(readable(164.62, 4), "164.6");
  EXPECT_EQ(readable(0.15234, 4), "0.1523");
  EXPECT_EQ(readable(123456.7, 4), "123457");
  EXPECT_EQ(readable(100000, 10), "100000");
  EXPECT_EQ(readable(1e11, 10), "100000000000");
  // Past ten digits a fraction is rounded to whole rather than written with an exponent.
  EXPECT_EQ(readable(12345678901.5, 10), "12345678902");
  EXPECT_EQ(readable(-1234567, 10), "-1234567");
  EXPECT_EQ(readable(1e20, 4), "1e+20");
  EXPECT_EQ(readable(std::nan(""), 4), "nan");
}

TEST(NumberFormat, WholeOrFixed) {
  EXPECT_EQ(whole_or_fixed(12, 2), "12");
  EXPECT_EQ(whole_or_fixed(19.2, 2), "19.20");
  EXPECT_EQ(whole_or_fixed(3.0000000001, 2), "3");
}

}  // namespace
}  // namespace dnne
