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
  ASSERT_EQ(j["devices"].size(), 12u);
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
  EXPECT_NE(r.out.find("ku115    XCKU115  KCU1500      5,520   4,320"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sources:"), std::string::npos);
  EXPECT_NE(r.out.find("  u280: DS963"), std::string::npos);
}

}  // namespace
}  // namespace dnne
