// BRAM18 mapping by hand (docs/spec/MODELS.md 3; aspect ratios from UG573 table 1-3).
#include "model/bram_mapping.h"

#include <gtest/gtest.h>

namespace dnne {
namespace {

TEST(BramMapping, OneBlockAtEachAspectRatio) {
  EXPECT_EQ(bram18_for_memory(36, 512), 1);
  EXPECT_EQ(bram18_for_memory(18, 1024), 1);
  EXPECT_EQ(bram18_for_memory(9, 2048), 1);
  EXPECT_EQ(bram18_for_memory(1, 16384), 1);
  EXPECT_EQ(bram18_for_memory(16, 1000), 1);  // 18x1K holds a 16-bit word per entry
}

TEST(BramMapping, WideMemoryChoosesCheapestAspect) {
  // 72 x 600: 36x512 needs 2 columns x 2 deep = 4; 18x1K needs 4 columns x 1 = 4;
  // 9x2K needs 8: four blocks.
  EXPECT_EQ(bram18_for_memory(72, 600), 4);
  // 72 x 512: two 36x512 columns.
  EXPECT_EQ(bram18_for_memory(72, 512), 2);
  // 128 x 36 (a shallow weight buffer): ceil(128 / 36) = 4 blocks of 36x512.
  EXPECT_EQ(bram18_for_memory(128, 36), 4);
}

TEST(BramMapping, DeepNarrowMemory) {
  // 1 x 20000: 1x16K stacked twice = 2; 2x8K needs 3 deep.
  EXPECT_EQ(bram18_for_memory(1, 20000), 2);
  // 4 x 20000: 4x4K needs 5 deep; 2x8K 2 columns x 3 = 6; 1x16K 4 x 2 = 8: five.
  EXPECT_EQ(bram18_for_memory(4, 20000), 5);
}

TEST(BramMapping, EmptyMemoryAndElementCounts) {
  EXPECT_EQ(bram18_for_memory(0, 100), 0);
  EXPECT_EQ(bram18_for_memory(16, 0), 0);
  EXPECT_EQ(bram18_elements(16), 1024);  // 2 per 36-bit word x 512
  EXPECT_EQ(bram18_elements(8), 2048);   // 4 per word x 512
  EXPECT_EQ(bram18_port_elements(16), 2);
  EXPECT_EQ(bram18_port_elements(8), 4);
}

}  // namespace
}  // namespace dnne
