// User device files: the documented format, and every problem reported with its field.
#include "device/device_file.h"
#include "report/device_report.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "device/catalog.h"

namespace dnne {
namespace {

std::string write_temp(const std::string& text) {
  char path[] = "/tmp/dnne_device_XXXXXX.json";
  const int fd = mkstemps(path, 5);
  if (fd >= 0) close(fd);
  std::ofstream(path) << text;
  return path;
}

TEST(DeviceFile, ReadsTheDocumentedFormat) {
  const std::string path = write_temp(R"({
    "name": "my_board", "part": "XCKU040", "board": "KCU105", "dsp": 1920, "bram18": 1200,
    "lut": 242400, "dram_bw_gbps": 19.2, "clock_mhz": 250, "dsp_family": "DSP48E2",
    "source": "DS890; UG917"})");
  const auto d = find_device(path);
  std::remove(path.c_str());
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->name, "my_board");
  EXPECT_EQ(d->part, "XCKU040");
  EXPECT_EQ(d->dsp, 1920);
  EXPECT_EQ(d->bram18, 1200);
  EXPECT_EQ(d->uram, 0);  // optional, defaults to 0
  EXPECT_EQ(d->lut, 242400);
  EXPECT_DOUBLE_EQ(d->dram_bw_gbps, 19.2);
  EXPECT_DOUBLE_EQ(d->clock_mhz, 250);
  EXPECT_EQ(d->dsp_family, DspFamily::kDsp48E2);
  EXPECT_EQ(d->source, "DS890; UG917");
}

TEST(DeviceFile, ReportsEveryProblemWithItsField) {
  const nlohmann::json json = {{"name", "x"},   {"dsp", 0},        {"bram18", "many"},
                               {"dram_bw", 10}, {"clock_mhz", -5}, {"dsp_family", "DSP48E3"}};
  const auto d = device_from_json(json, "board.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "board.json: unknown key 'dram_bw', did you mean 'dram_bw_gbps'?\n"
            "board.json: dsp 0 must be >= 1\n"
            "board.json: bram18: expected an integer, got string \"many\"\n"
            "board.json: missing required key 'dram_bw_gbps'\n"
            "board.json: clock_mhz -5 must be > 0\n"
            "board.json: dsp_family 'DSP48E3' is not one of DSP48E1, DSP48E2, DSP58, did you mean "
            "'DSP48E1' or 'DSP48E2'?");
}

TEST(DeviceFile, MalformedJsonGivesLineAndColumn) {
  // The second comma of line 3 is its 13th character.
  const std::string path = write_temp("{\n  \"name\": \"x\",\n  \"dsp\": 10,,\n}\n");
  const auto d = find_device(path);
  std::remove(path.c_str());
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message.rfind(path + ":3:13: invalid JSON: syntax error", 0), 0u)
      << d.error().message;
}

TEST(DeviceFile, NotAnObject) {
  const auto d = device_from_json(nlohmann::json::array(), "board.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "board.json: expected an object, got array");
}

TEST(DeviceFile, BurstCurveOverridesCaffeines) {
  nlohmann::json json = {{"name", "x"},           {"dsp", 100},       {"bram18", 100},
                         {"dram_bw_gbps", 10},    {"clock_mhz", 200}, {"dsp_family", "DSP48E2"},
                         {"burst_curve", {{1, 1.0}}}};
  auto d = device_from_json(json, "board.json");
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_DOUBLE_EQ(burst_efficiency(d->burst_curve, 64), 1.0);  // an ideal memory
  json.erase("burst_curve");
  d = device_from_json(json, "board.json");
  ASSERT_TRUE(d);
  EXPECT_DOUBLE_EQ(burst_efficiency(d->burst_curve, 1024), 1.0 / 12.8);  // Caffeine's
  json["burst_curve"] = {{4096, 0.5}, {1024, 0.9}};
  d = device_from_json(json, "board.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "board.json: burst_curve point 2: bytes must be greater than the previous point's");
  json["burst_curve"] = {{4096, "fast"}};
  d = device_from_json(json, "board.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "board.json: burst_curve: point 1 must be [bytes, efficiency], two numbers");
}

TEST(DeviceFile, EveryCatalogEntryRoundTripsThroughTheFileFormat) {
  // `devices --json` writes each device in the device-file format, so a user can start a file
  // for a new board from a catalog entry.
  for (const Device& d : device_catalog()) {
    const auto back = device_from_json(device_json(d), d.name + ".json");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(device_json(*back), device_json(d));
  }
}

}  // namespace
}  // namespace dnne
