// compare's views end to end: the objective it optimised, latency and its ratio beside
// throughput and the speed-up, the budget's marks, --csv, and what --out says it wrote.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "cli_runner.h"

namespace dnne {
namespace {

namespace fs = std::filesystem;

const std::string kRun = "compare alexnet --device zc706 --swarm 6 --iterations 4 --quiet ";

nlohmann::json parse(const CliResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

// The whitespace-separated cells of the table line that starts with `label`.
std::vector<std::string> table_row(const std::string& table, const std::string& label) {
  for (const std::string& line : split(table, '\n')) {
    if (line.rfind(label + " ", 0) != 0) continue;
    std::stringstream stream(line.substr(label.size()));
    std::vector<std::string> cells;
    std::string cell;
    while (stream >> cell) cells.push_back(cell);
    return cells;
  }
  return {};
}

std::string two_decimals(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

TEST(CompareViews, TableSaysTheObjectiveAndMarksTheBudget) {
  const CliResult r = run_cli(kRun + "--dsp 50%");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("alexnet on zc706: 450* DSP, 1,090 BRAM18, 0 URAM, 218,600 LUT, 12.8 GB/s, "
                        "200 MHz, 16-bit\n"
                        "budget from: zc706 (device), except * from flags: --dsp\n"
                        "objective: throughput (each row is its paradigm's design with the most "
                        "frames/s, whatever its latency; --objective latency for the least ms per "
                        "frame)\n"
                        "Winograd: generic engines may use it (--no-winograd for spatial only, the "
                        "configuration comparable with the papers' baselines)\n\n",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("  frames/s  speed-up  latency ms  latency ratio  "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nspeed-up: the hybrid's frames/s over the row's; latency ratio: the "
                       "hybrid's latency per frame over the row's (above 1.00x the hybrid takes "
                       "longer per frame)\n"),
            std::string::npos)
      << r.out;
}

// The table's speed-up and latency ratio are the JSON's ratios, and those are the rows' own
// figures divided.
TEST(CompareViews, LatencyRatiosSitBesideTheSpeedups) {
  const nlohmann::json j = parse(run_cli(kRun + "--dsp 50% --json"));
  EXPECT_EQ(j["objective"], "throughput");
  EXPECT_EQ(j["winograd"], true);
  EXPECT_EQ(j["budget"]["overridden"], nlohmann::json{"dsp"});
  EXPECT_EQ(j["budget"]["from"]["dsp"], "flag");
  EXPECT_EQ(j["budget"]["from"]["bram18"], "device");
  const CliResult table = run_cli(kRun + "--dsp 50%");
  const double hybrid_ms = j["results"]["hybrid"]["metrics"]["latency_ms"];
  const double hybrid_fps = j["results"]["hybrid"]["metrics"]["throughput_fps"];
  for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
           {"pipeline", "pipeline (min-max allocator)"},
           {"dnnbuilder", "pipeline (DNNBuilder heuristic)"},
           {"generic", "generic"}}) {
    const nlohmann::json& m = j["results"][key]["metrics"];
    const double latency = j["latency_ratios"]["hybrid_over_" + key];
    EXPECT_DOUBLE_EQ(latency, hybrid_ms / m["latency_ms"].get<double>()) << key;
    const double speedup = j["speedups"]["hybrid_over_" + key];
    EXPECT_DOUBLE_EQ(speedup, hybrid_fps / m["throughput_fps"].get<double>()) << key;
    // split, GOP/s, frames/s, speed-up, latency ms, latency ratio, ...
    const std::vector<std::string> cells = table_row(table.out, label);
    ASSERT_EQ(cells.size(), 12u) << label << "\n" << table.out;
    EXPECT_EQ(cells[3], two_decimals(speedup) + "x") << label;
    EXPECT_EQ(cells[5], two_decimals(latency) + "x") << label;
  }
  const std::vector<std::string> hybrid = table_row(table.out, "hybrid");
  ASSERT_EQ(hybrid.size(), 12u);
  EXPECT_EQ(hybrid[3], "1.00x");
  EXPECT_EQ(hybrid[5], "1.00x");
}

TEST(CompareViews, LatencyObjectiveIsNamedAndWins) {
  const nlohmann::json j = parse(run_cli(kRun + "--objective latency --no-winograd --json"));
  EXPECT_EQ(j["objective"], "latency");
  EXPECT_EQ(j["winograd"], false);
  // SP = 0 and SP = N are hybrid candidates: the hybrid is at least as fast per frame.
  for (const char* key : {"hybrid_over_pipeline", "hybrid_over_generic"})
    EXPECT_LE(j["latency_ratios"][key].get<double>(), 1.0 + 1e-12) << key;
  const CliResult table = run_cli(kRun + "--objective latency --no-winograd");
  EXPECT_NE(table.out.find("\nobjective: latency (each row is its paradigm's design with the "
                           "least ms per frame; --objective throughput, the default, for the most "
                           "frames/s)\nWinograd: off (--no-winograd), generic engines spatial "
                           "only\n"),
            std::string::npos)
      << table.out;
}

TEST(CompareViews, CsvHasOneRowPerDesignWithTheJsonFigures) {
  const nlohmann::json j = parse(run_cli(kRun + "--json"));
  const CliResult r = run_cli(kRun + "--csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> lines = split(r.out, '\n');
  ASSERT_EQ(lines.size(), 5u) << r.out;
  EXPECT_EQ(lines[0],
            "design,split_point,throughput_gops,throughput_fps,latency_ms,dsp_used,bram18_used,"
            "dram_bw_gbps_used,dsp_efficiency,hybrid_speedup,hybrid_latency_ratio,feasible,reason,"
            "uram_used,lut_used");
  const char* keys[] = {"dnnbuilder", "pipeline", "generic", "hybrid"};
  for (size_t i = 0; i < 4; ++i) {
    const std::vector<std::string> cells = split(lines[i + 1], ',');
    ASSERT_EQ(cells.size(), 15u) << lines[i + 1];  // an empty reason, then URAM and LUT
    EXPECT_EQ(cells[0], keys[i]);
    const nlohmann::json& m = j["results"][keys[i]]["metrics"];
    EXPECT_EQ(cells[3], m["throughput_fps"].dump()) << keys[i];
    EXPECT_EQ(cells[4], m["latency_ms"].dump()) << keys[i];
    EXPECT_EQ(cells[5], m["dsp_used"].dump()) << keys[i];
    EXPECT_EQ(cells[11], "true");
    EXPECT_EQ(cells[12], "");
    EXPECT_EQ(cells[13], m["uram_used"].dump()) << keys[i];
    EXPECT_EQ(cells[14], m["lut_used"].dump()) << keys[i];
    if (std::string(keys[i]) != "hybrid") {
      EXPECT_EQ(cells[10], j["latency_ratios"][std::string("hybrid_over_") + keys[i]].dump());
    }
  }
  EXPECT_EQ(run_cli(kRun + "--csv --json").status, 2);
}

TEST(CompareViews, InfeasibleRowsAreMarkedInTheCsv) {
  const CliResult r = run_cli(kRun + "--dsp 1 --bram18 1 --csv");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\nhybrid,,,,,,,,,,,false,\"generic part: DSP needed 7 > available 1\""),
            std::string::npos)
      << r.out;
}

TEST(OutDirectory, CompareAndExploreSayWhatTheyWroteAndWhere) {
  const fs::path dir = fs::temp_directory_path() / ("dnne_said_" + std::to_string(getpid()));
  fs::remove_all(dir);
  const CliResult compare = run_cli(kRun + "--out " + dir.string());
  ASSERT_EQ(compare.status, 0) << compare.err;
  EXPECT_EQ(compare.err, "dnnexplorer: wrote 6 files to " + dir.string() +
                             "/: report.json, report.html, pipeline.json, dnnbuilder.json, "
                             "generic.json, hybrid.json\n");
  fs::remove_all(dir);

  const CliResult explore = run_cli(
      "explore alexnet --device zc706 --swarm 6 --iterations 4 --quiet --pareto --json --out " +
      dir.string() + "/");
  ASSERT_EQ(explore.status, 0) << explore.err;
  const size_t front = nlohmann::json::parse(explore.out)["pareto"].size();
  EXPECT_EQ(explore.err, "dnnexplorer: wrote " + std::to_string(4 + front + 1) + " files to " +
                             dir.string() + "/: design.json, report.json, layers.csv, " +
                             "report.html, pareto/ (" + std::to_string(front + 1) + " files)\n");
  size_t on_disk = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    on_disk += entry.is_regular_file();
  EXPECT_EQ(on_disk, 4 + front + 1);
  fs::remove_all(dir);

  const CliResult nothing = run_cli(kRun + "--dsp 1 --bram18 1 --out " + dir.string());
  EXPECT_EQ(nothing.status, 1);
  EXPECT_NE(nothing.err.find("; nothing written to " + dir.string() + "\n"), std::string::npos)
      << nothing.err;
  EXPECT_FALSE(fs::exists(dir));
}

}  // namespace
}  // namespace dnne
