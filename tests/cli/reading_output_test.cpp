// The output explains itself (issue "A first hour without surprises"): the README's "Reading the
// output" section and every command's --help carry the same words, the table says per frame
// and per replica, and explore's JSON names the objective it optimised.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace dnne {
namespace {

std::string readme() {
  std::ifstream file(std::string(DNNE_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The text between a "## title" heading and the next "## " heading.
std::string section(const std::string& text, const std::string& title) {
  const size_t begin = text.find("\n## " + title + "\n");
  if (begin == std::string::npos) return "";
  const size_t end = text.find("\n## ", begin + 1);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

int line_count(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// What the design table prints that a newcomer must be able to look up.
const char* const kDesignTerms[] = {
    "kind",     "part",          "cycles/frame", "us/frame",       "bound",
    "dsp",      "bram",          "bandwidth",    "dependency",     "avg GB/s",
    "BW share", "replica",       "latency",      "DSP efficiency", "100 %",
    "Winograd", "--no-winograd", "--objective",  "budget from"};

TEST(ReadingTheOutput, ReadmeSectionFollowsTheQuickStartAndExplainsEveryTerm) {
  const std::string text = readme();
  const size_t quick = text.find("\n## Quick start\n");
  const size_t reading = text.find("\n## Reading the output\n");
  const size_t commands = text.find("\n## Commands\n");
  ASSERT_NE(reading, std::string::npos);
  EXPECT_LT(quick, reading);
  EXPECT_LT(reading, commands);
  const std::string body = section(text, "Reading the output");
  for (const char* term : kDesignTerms) EXPECT_NE(body.find(term), std::string::npos) << term;
  for (const char* term : {"window", "KiB", "CTC", "fused", "frames/s", "throughput"})
    EXPECT_NE(body.find(term), std::string::npos) << term;
  // The quick start shows a latency-objective run and the papers' spatial setting.
  const std::string quick_start = section(text, "Quick start");
  EXPECT_NE(quick_start.find("--objective latency"), std::string::npos);
  EXPECT_NE(quick_start.find("--no-winograd"), std::string::npos);
}

TEST(ReadingTheOutput, HelpOfBenchAndExploreExplainsEveryTerm) {
  for (const char* command : {"bench", "explore"}) {
    const CliResult r = run_cli(std::string(command) + " --help");
    ASSERT_EQ(r.status, 0) << command;
    const size_t reading = r.out.find("Reading the output");
    ASSERT_NE(reading, std::string::npos) << command;
    const std::string words = r.out.substr(reading);
    for (const char* term : kDesignTerms)
      EXPECT_NE(words.find(term), std::string::npos) << command << ": " << term;
  }
  const CliResult compare = run_cli("compare --help");
  for (const char* term : {"Reading the output", "speed-up", "latency ratio", "DSP eff.",
                           "--no-winograd", "objective", "split"})
    EXPECT_NE(compare.out.find(term), std::string::npos) << term;
  const CliResult analyze = run_cli("analyze --help");
  for (const char* term : {"Reading the output", "window", "KiB", "CTC", "fused"})
    EXPECT_NE(analyze.out.find(term), std::string::npos) << term;
}

// The per-layer figures say they are per frame, and the legend names this design's replicas
// and engine batch, the same numbers as the design line.
TEST(ReadingTheOutput, TableSaysPerFrameAndNamesTheReplicas) {
  const CliResult r = run_cli("explore vgg16 --device ku115 --quiet");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("cycles/frame  us/frame"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("avg GB/s  BW share"), std::string::npos);
  EXPECT_NE(r.out.find(" ms per frame, input to output\n"), std::string::npos);
  std::smatch design, legend;
  ASSERT_TRUE(std::regex_search(r.out, design,
                                std::regex("design: pipeline of \\d+ stages? x (\\d+) replicas? "
                                           "\\(batch (\\d+)[;)].* batch (\\d+) \\(frames per "
                                           "pass\\)\n")))
      << r.out;
  EXPECT_EQ(design[1], design[2]);
  const std::string replicas = design[1], engine_batch = design[3];
  const std::string expected_pipeline =
      replicas == "1"
          ? "one frame on its one replica"
          : "one frame on one of its " + replicas + " replicas (" + replicas + " frames in flight)";
  EXPECT_NE(r.out.find("per frame: pipeline layers, " + expected_pipeline), std::string::npos)
      << r.out;
  const std::string expected_engine =
      engine_batch == "1" ? "one frame per pass"
                          : "a pass of " + engine_batch + " frames / " + engine_batch;
  EXPECT_NE(r.out.find("engine layers, " + expected_engine), std::string::npos) << r.out;
}

// DSP efficiency above 100 % says why (Winograd) where it is printed; spatial designs never
// exceed 100 % and carry no such note.
TEST(ReadingTheOutput, EfficiencyAboveOneHundredPercentSaysWhy) {
  const CliResult winograd = run_cli("explore vgg16 --device ku115 --quiet");
  ASSERT_EQ(winograd.status, 0);
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(winograd.out, m, std::regex("DSP efficiency  ([0-9.]+) %([^\n]*)")));
  if (std::stod(m[1]) > 100.0) {
    EXPECT_NE(std::string(m[2]).find("above 100 %: Winograd F("), std::string::npos) << m[0];
  }
  const CliResult spatial = run_cli("explore vgg16 --device ku115 --quiet --no-winograd");
  ASSERT_EQ(spatial.status, 0);
  ASSERT_TRUE(std::regex_search(spatial.out, m, std::regex("DSP efficiency  ([0-9.]+) %([^\n]*)")));
  EXPECT_LE(std::stod(m[1]), 100.0);
  EXPECT_EQ(m[2], "");
}

TEST(ReadingTheOutput, ExploreJsonNamesItsObjectiveAndWinograd) {
  const CliResult plain = run_cli("explore alexnet --device zc706 --paradigm pipeline --json");
  ASSERT_EQ(plain.status, 0) << plain.err;
  const auto a = nlohmann::json::parse(plain.out);
  EXPECT_EQ(a["objective"], "throughput");
  EXPECT_EQ(a["winograd"], true);
  const CliResult latency = run_cli(
      "explore alexnet --device zc706 --paradigm generic --objective latency --no-winograd "
      "--json");
  ASSERT_EQ(latency.status, 0) << latency.err;
  const auto b = nlohmann::json::parse(latency.out);
  EXPECT_EQ(b["objective"], "latency");
  EXPECT_EQ(b["winograd"], false);
}

// Several bad budget flags are one error line (docs/spec/CLI.md), each flag named on it.
TEST(ReadingTheOutput, SeveralBadBudgetFlagsAreOneLine) {
  const CliResult r = run_cli("explore vgg16 --device zc706 --dsp 10000 --bram18 99999");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(line_count(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--dsp 10000: zc706 has 900 DSP slices"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; --bram18 99999: zc706 has 1090 BRAM18 blocks"), std::string::npos);
}

}  // namespace
}  // namespace dnne
