// The validation views (reference/validation_report.h) on a hand-made report: CSV quoting and
// the columns of evaluated and listed-only rows, the table's signs and summary lines, JSON keys
// present only where they mean something.
#include "reference/validation_report.h"

#include <gtest/gtest.h>

namespace dnne {
namespace {

ValidationReport two_rows() {
  ValidationReport report;
  ValidationRow evaluated{.id = "a_row",
                          .family = "fam",
                          .network = "VGG16, SVD",
                          .unit = "fps",
                          .measured = 12.5,
                          .device = "zc706",
                          .design = "qiu16_zc706",
                          .conv_only = true,
                          .scope_class = "accelerator",
                          .tolerance = 0.25,
                          .evaluated = true,
                          .predicted = 10.0,
                          .error = -0.2,
                          .within_tolerance = true,
                          .fits = true};
  ValidationRow listed{.id = "b_row",
                       .family = "fam",
                       .network = "net",
                       .unit = "GOP/s",
                       .measured = 1234567,
                       .scope_class = "end-to-end",
                       .not_evaluated_because = "no \"template\""};
  report.rows = {evaluated, listed};
  report.rows_listed = 2;
  report.all = {.rows = 1, .families = 1, .median_abs_error = 0.2, .worst_abs_error = 0.2,
                .worst_id = "a_row"};
  report.accelerator = report.all;
  return report;
}

TEST(ValidationReport, CsvQuotesCellsAndLeavesUnevaluatedColumnsEmpty) {
  const std::string csv = validation_csv(two_rows());
  const std::string header =
      "id,family,network,design,device,layers,unit,measured,predicted,error_pct,"
      "tolerance_pct,within_tolerance,scope,fits,not_evaluated_because\n";
  EXPECT_EQ(csv, header +
                     "a_row,fam,\"VGG16, SVD\",qiu16_zc706,zc706,conv,fps,12.5,10.000,-20.00,25,"
                     "yes,accelerator,yes,\n"
                     // The stream's default form: 6 significant digits.
                     "b_row,fam,net,,,all,GOP/s,1.23457e+06,,,,,end-to-end,,\"no \"\"template\"\"\"\n");
}

TEST(ValidationReport, TableListsEvaluatedRowsThenTheOthersAndTheSummary) {
  const std::string table = validation_table(two_rows());
  EXPECT_NE(table.find("-20.0 %"), std::string::npos);
  EXPECT_EQ(table.find("b_row"), table.find("  b_row: no \"template\"\n") + 2);
  EXPECT_NE(table.find("all evaluated rows: 1 rows, 1 families, median |error| 20.0 %, worst "
                       "20.0 % (a_row)\n"),
            std::string::npos);
  EXPECT_LT(table.find("a_row"), table.find("not evaluated (listed, not dropped):"));
}

TEST(ValidationReport, JsonHasPredictionsOnlyForEvaluatedRows) {
  const nlohmann::json j = validation_json(two_rows());
  EXPECT_EQ(j["rows_listed"], 2);
  EXPECT_EQ(j["rows"][0]["layers"], "conv");
  EXPECT_DOUBLE_EQ(j["rows"][0]["predicted"].get<double>(), 10.0);
  EXPECT_TRUE(j["rows"][0]["dsp_error"].is_null());
  EXPECT_FALSE(j["rows"][1].contains("predicted"));
  EXPECT_EQ(j["rows"][1]["not_evaluated_because"], "no \"template\"");
  EXPECT_EQ(j["summary"]["accelerator"]["worst_id"], "a_row");
}

}  // namespace
}  // namespace dnne
