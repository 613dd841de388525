// explore --pareto and the --out files end to end: the front's views agree, no listed design
// dominates another, each design file reproduces its metrics through bench, compare --out
// writes its files, and report.html is one self-contained file of reasonable size.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"
#include "search/pareto.h"

namespace dnne {
namespace {

namespace fs = std::filesystem;

const std::string kSmallSearch = " --swarm 6 --iterations 4 --quiet";

nlohmann::json parse(const CliResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string read(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  return dir;
}

ParetoFigures figures(const nlohmann::json& metrics) {
  ParetoFigures f{};
  for (size_t i = 0; i < kParetoAxisCount; ++i)
    f[i] = metrics.at(std::string(kParetoAxes[i].key)).get<double>();
  return f;
}

TEST(ParetoCli, JsonListsMutuallyNonDominatedDesignsWithMetrics) {
  const nlohmann::json j =
      parse(run_cli("explore alexnet --device zc706 --pareto --json" + kSmallSearch));
  ASSERT_TRUE(j.contains("pareto"));
  const nlohmann::json& front = j["pareto"];
  ASSERT_GT(front.size(), 1u);
  for (const auto& a : front) {
    for (const char* key : {"name", "metrics", "design"}) EXPECT_TRUE(a.contains(key)) << key;
    EXPECT_TRUE(a["design"].contains("split_point"));
    for (const auto& b : front)
      EXPECT_FALSE(dominates(figures(b["metrics"]), figures(a["metrics"])));
    EXPECT_FALSE(dominates(figures(j["metrics"]), figures(a["metrics"])))
        << "the chosen design was evaluated, so it cannot dominate a front design";
  }
  EXPECT_EQ(front[0]["name"], "p01");
  // Best throughput first; the chosen (throughput) design's figures are the first entry's.
  EXPECT_EQ(figures(front[0]["metrics"]), figures(j["metrics"]));
}

TEST(ParetoCli, TableAndCsvShowTheSameFront) {
  const std::string args = "explore alexnet --device zc706 --pareto" + kSmallSearch;
  const nlohmann::json front = parse(run_cli(args + " --json"))["pareto"];
  const CliResult table = run_cli(args);
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_EQ(table.out.rfind("Pareto front: " + std::to_string(front.size()) + " designs", 0), 0u)
      << table.out;
  const CliResult csv = run_cli(args + " --csv");
  ASSERT_EQ(csv.status, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line,
            "design,split_point,throughput_gops,throughput_fps,latency_ms,dsp_used,bram18_used,"
            "dram_bw_gbps_used,dsp_efficiency,uram_used,lut_used");
  size_t row = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(row, front.size());
    const nlohmann::json& entry = front[row];
    const std::string name = entry["name"];
    EXPECT_NE(table.out.find("\n" + name + " "), std::string::npos) << name;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    ASSERT_EQ(cells.size(), 11u) << line;
    EXPECT_EQ(cells[0], name);
    EXPECT_EQ(std::stoi(cells[1]), entry["design"]["split_point"].get<int>());
    EXPECT_DOUBLE_EQ(std::stod(cells[3]), entry["metrics"]["throughput_fps"].get<double>());
    EXPECT_DOUBLE_EQ(std::stod(cells[4]), entry["metrics"]["latency_ms"].get<double>());
    EXPECT_EQ(std::stoll(cells[5]), entry["metrics"]["dsp_used"].get<int64_t>());
    EXPECT_EQ(std::stoll(cells[6]), entry["metrics"]["bram18_used"].get<int64_t>());
    EXPECT_EQ(std::stoll(cells[9]), entry["metrics"]["uram_used"].get<int64_t>());
    EXPECT_EQ(std::stoll(cells[10]), entry["metrics"]["lut_used"].get<int64_t>());
    ++row;
  }
  EXPECT_EQ(row, front.size());
}

TEST(ParetoCli, CsvNeedsPareto) {
  const CliResult r = run_cli("explore alexnet --device zc706 --csv");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "dnnexplorer: error: --csv requires --pareto; --help lists the options\n");
}

TEST(ParetoCli, OutWritesEachFrontDesignAndBenchReproducesItsMetrics) {
  const fs::path dir = fresh_dir("dnne_pareto_out");
  const nlohmann::json j = parse(run_cli("explore alexnet --device zc706 --pareto --json --out " +
                                         dir.string() + kSmallSearch));
  const nlohmann::json index = nlohmann::json::parse(read(dir / "pareto" / "index.json"));
  ASSERT_EQ(index["designs"].size(), j["pareto"].size());
  EXPECT_EQ(index["axes"].size(), kParetoAxisCount);
  EXPECT_EQ(index["axes"][0]["metric"], "throughput_fps");
  EXPECT_EQ(index["axes"][0]["goal"], "max");
  for (size_t i = 0; i < j["pareto"].size(); ++i) {
    const nlohmann::json& entry = j["pareto"][i];
    const std::string file = index["designs"][i]["file"];
    EXPECT_EQ(file, entry["name"].get<std::string>() + ".json");
    const nlohmann::json bench = parse(run_cli("bench alexnet --device zc706 --json --design " +
                                               (dir / "pareto" / file).string()));
    EXPECT_EQ(bench["metrics"], entry["metrics"]) << file;
    EXPECT_EQ(bench["design"], entry["design"]) << file;
  }
  const nlohmann::json report = nlohmann::json::parse(read(dir / "report.json"));
  EXPECT_EQ(report["pareto"], j["pareto"]);
  EXPECT_TRUE(fs::exists(dir / "report.html"));
  fs::remove_all(dir);
}

// report.html carries everything: no script, style or image is fetched from anywhere.
void expect_self_contained(const std::string& html) {
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* fetch : {"<script src", "<link ", "<img ", "src=\"http", "href=\"http"})
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  EXPECT_NE(html.find("window.vega"), std::string::npos) << "Vega inlined";
}

TEST(ParetoCli, ExploreOutWithoutParetoWritesTheReportButNoFront) {
  const fs::path dir = fresh_dir("dnne_report_out");
  const CliResult r =
      run_cli("explore alexnet --device zc706 --out " + dir.string() + kSmallSearch);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_self_contained(read(dir / "report.html"));
  EXPECT_FALSE(fs::exists(dir / "pareto"));
  EXPECT_FALSE(nlohmann::json::parse(read(dir / "report.json")).contains("pareto"));
  fs::remove_all(dir);
}

TEST(ParetoCli, Resnet50ReportStaysUnderThreeMegabytes) {
  const fs::path dir = fresh_dir("dnne_resnet50_report");
  const CliResult r = run_cli("explore resnet50 --device zcu102 --pareto --out " + dir.string() +
                              " --swarm 12 --iterations 12 --quiet");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto size = fs::file_size(dir / "report.html");
  EXPECT_LT(size, 3'000'000u);
  fs::remove_all(dir);
}

TEST(CompareCli, OutWritesTheReportAndEachDesign) {
  const fs::path dir = fresh_dir("dnne_compare_out");
  const nlohmann::json j =
      parse(run_cli("compare alexnet --device zc706 --json --out " + dir.string() + kSmallSearch));
  const nlohmann::json report = nlohmann::json::parse(read(dir / "report.json"));
  EXPECT_EQ(report["results"]["hybrid"]["metrics"], j["results"]["hybrid"]["metrics"]);
  for (const char* row : {"pipeline", "dnnbuilder", "generic", "hybrid"}) {
    const fs::path file = dir / (std::string(row) + ".json");
    if (!j["results"][row]["feasible"].get<bool>()) {
      EXPECT_FALSE(fs::exists(file)) << row;
      continue;
    }
    const nlohmann::json bench =
        parse(run_cli("bench alexnet --device zc706 --json --design " + file.string()));
    EXPECT_EQ(bench["metrics"], j["results"][row]["metrics"]) << row;
  }
  expect_self_contained(read(dir / "report.html"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dnne
