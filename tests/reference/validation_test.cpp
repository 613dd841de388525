// The validation tier (issue 10): every measured row of data/validation/measured.csv within its
// documented tolerance (data/validation/cases.csv), and the summary the model honestly
// reaches. The targets are median |error| <= 10 % and worst <= 25 % over throughput
// rows; docs/validation.md says which rows miss them and why. Lowering a bound here needs a
// better model, raising one needs a reason in docs/validation.md.
#include "reference/validation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dnne {
namespace {

const std::string kRoot = DNNE_SOURCE_DIR;

const ValidationReport& report() {
  static const ValidationReport r = *run_validation(kRoot + "/data/validation", kRoot);
  return r;
}

TEST(Validation, EveryEvaluatedRowIsWithinItsTolerance) {
  ASSERT_TRUE(run_validation(kRoot + "/data/validation", kRoot).ok());
  for (const ValidationRow& row : report().rows) {
    if (!row.evaluated) {
      // Listed with a reason, never silently dropped.
      EXPECT_FALSE(row.not_evaluated_because.empty()) << row.id;
      continue;
    }
    EXPECT_LE(std::fabs(row.error), row.tolerance)
        << row.id << ": predicted " << row.predicted << " " << row.unit << ", measured "
        << row.measured;
    EXPECT_TRUE(row.fits) << row.id << ": the template does not fit the device it was built on";
  }
}

TEST(Validation, EnoughRowsAndFamilies) {
  EXPECT_EQ(report().rows_listed, 54);
  EXPECT_GE(report().all.rows, 16);
  EXPECT_GE(report().all.families, 4);
  EXPECT_GE(report().accelerator.rows, 10);
  EXPECT_GE(report().accelerator.families, 4);
}

TEST(Validation, SummaryWhatTheModelReaches) {
  // All evaluated rows (end-to-end DPU figures included): median 21.0 %, worst 79.2 %.
  EXPECT_LE(report().all.median_abs_error, 0.22);
  EXPECT_LE(report().all.worst_abs_error, 0.80);
  // Rows timing the accelerator alone: median 25.6 %, worst 79.2 % (Qiu'16, whose engine
  // mapping is assumed); the DPU-only KV260 rows show the DPU model's core 13-66 % too fast.
  // Targets 10 % / 25 % are NOT met: docs/validation.md.
  EXPECT_LE(report().accelerator.median_abs_error, 0.26);
  EXPECT_LE(report().accelerator.worst_abs_error, 0.80);
}

TEST(Validation, TemplateResourcesMatchThePublishedBuilds) {
  // DSP and BRAM18 of the templates within 10 % of the published utilisation where published.
  for (const ValidationRow& row : report().rows) {
    if (!row.evaluated) continue;
    if (row.dsp_error) {
      EXPECT_LE(std::fabs(*row.dsp_error), 0.10) << row.id;
    }
    if (row.bram18_error) {
      EXPECT_LE(std::fabs(*row.bram18_error), 0.10) << row.id;
    }
  }
}

}  // namespace
}  // namespace dnne
