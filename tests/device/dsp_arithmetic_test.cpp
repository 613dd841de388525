// The DSP arithmetic table (docs/models.md 2.1), row by row against its sources, and the
// array DSP count derived by hand.
#include "device/dsp_arithmetic.h"

#include <gtest/gtest.h>

namespace dnne {
namespace {

TEST(DspArithmetic, EightBitPacksOnlyWhatTheSourcesPack) {
  // WP486: two 8-bit products sharing one operand per DSP48E2.
  EXPECT_EQ(dsp_rate(DspFamily::kDsp48E2, 8).shared, 2);
  EXPECT_EQ(dsp_rate(DspFamily::kDsp48E2, 8).summed, 1);
  // AccDNN's dsp_split: the same pairing on a DSP48E1.
  EXPECT_EQ(dsp_rate(DspFamily::kDsp48E1, 8).shared, 2);
  // AM004: DSP58's INT8 dot product sums three products.
  EXPECT_EQ(dsp_rate(DspFamily::kDsp58, 8).summed, 3);
  EXPECT_EQ(dsp_rate(DspFamily::kDsp58, 8).shared, 1);
  for (auto family : {DspFamily::kDsp48E1, DspFamily::kDsp48E2, DspFamily::kDsp58}) {
    // 16 bits fill the multiplier; products that share nothing never pack.
    EXPECT_EQ(dsp_rate(family, 16).peak_multiplies_per_dsp(), 1.0);
    EXPECT_EQ(dsp_rate(family, 8, Operands::kIndependent).peak_multiplies_per_dsp(), 1.0);
  }
}

TEST(DspArithmetic, FloatTakesSeveralDspsExceptOnDsp58) {
  EXPECT_EQ(dsp_rate(DspFamily::kDsp48E1, 32).dsps_per_multiply, 5);
  EXPECT_EQ(dsp_rate(DspFamily::kDsp48E2, 32).dsps_per_multiply, 5);
  EXPECT_EQ(dsp_rate(DspFamily::kDsp58, 32).dsps_per_multiply, 1);
  EXPECT_DOUBLE_EQ(dsp_rate(DspFamily::kDsp48E2, 32).peak_multiplies_per_dsp(), 0.2);
  // Zhang FPGA'15: 64 x 7 float lanes on 2,240 DSP48E1.
  EXPECT_EQ(dsps_for_array(7, 64, dsp_rate(DspFamily::kDsp48E1, 32)), 2240);
}

TEST(DspArithmetic, ArrayDspsRoundPerPackedDimension) {
  const DspRate pair = dsp_rate(DspFamily::kDsp48E2, 8);
  EXPECT_EQ(dsps_for_array(16, 8, pair), 64);  // 16 x 8 / 2
  EXPECT_EQ(dsps_for_array(16, 1, pair), 16);  // KPF 1: nothing to pair with
  EXPECT_EQ(dsps_for_array(4, 3, pair), 8);    // 4 x ceil(3 / 2)
  const DspRate dot = dsp_rate(DspFamily::kDsp58, 8);
  EXPECT_EQ(dsps_for_array(4, 8, dot), 16);  // ceil(4 / 3) x 8
  EXPECT_EQ(dsps_for_array(6, 8, dot), 16);  // 6 / 3 x 8
  EXPECT_EQ(dsps_for_array(4, 8, dsp_rate(DspFamily::kDsp48E2, 16)), 32);
  EXPECT_EQ(dsps_for_array(0, 0, pair), 1);  // below 1 counts as 1
}

}  // namespace
}  // namespace dnne
