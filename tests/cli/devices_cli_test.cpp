// `dnnexplorer devices`: the catalog as a table and as JSON with the device-file keys.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

TEST(DevicesCli, JsonListsEveryDeviceWithTheDeviceFileKeys) {
  const CliResult r = run_cli("devices --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["devices"].size(), 14u);
  for (const auto& d : j["devices"])
    for (const char* key : {"name", "part", "board", "dsp", "bram18", "uram", "lut", "dram_bw_gbps",
                            "clock_mhz", "dsp_family", "source"})
      EXPECT_TRUE(d.contains(key)) << key;
  EXPECT_EQ(j["devices"][0]["name"], "zc706");
  EXPECT_EQ(j["devices"][0]["dsp_family"], "DSP48E1");
}

TEST(DevicesCli, TableShowsFiguresAndSources) {
  const CliResult r = run_cli("devices");
  ASSERT_EQ(r.status, 0) << r.err;
  const size_t row = r.out.find("\nku115 ");
  ASSERT_NE(row, std::string::npos) << r.out;
  const std::string line = r.out.substr(row + 1, r.out.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find("XCKU115  KCU1500"), std::string::npos) << line;
  EXPECT_NE(line.find("5,520   4,320"), std::string::npos) << line;
  // Unconfirmed figures carry a '*' and a legend; shells show their share.
  EXPECT_NE(r.out.find("VU9P board (HybridDNN)*"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("* unconfirmed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("20%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sources:"), std::string::npos);
  EXPECT_NE(r.out.find("  u280: DS963"), std::string::npos);
}

}  // namespace
}  // namespace dnne
