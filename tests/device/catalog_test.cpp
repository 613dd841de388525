// The device catalog: sane figures, citations, lookup by name and by file.
#include "device/catalog.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "report/device_report.h"
#include "report/table.h"
#include "util/number_format.h"

namespace dnne {
namespace {

TEST(Catalog, ShipsTheBoardsOfModelsMd) {
  std::set<std::string> names;
  for (const auto& d : device_catalog()) names.insert(d.name);
  for (const char* name : {"zc706", "pynq_z1", "ultra96", "zcu102", "zcu104", "ku115", "vcu118",
                           "aws_f1", "u50", "u200", "u250", "u280"})
    EXPECT_TRUE(names.count(name)) << name;
  EXPECT_EQ(names.size(), device_catalog().size()) << "catalog names must be unique";
}

TEST(Catalog, EveryEntryIsPositiveEvenAndCited) {
  for (const auto& d : device_catalog()) {
    SCOPED_TRACE(d.name);
    EXPECT_GT(d.dsp, 0);
    EXPECT_GT(d.bram18, 0);
    EXPECT_EQ(d.bram18 % 2, 0) << "a BRAM36 is two BRAM18, and parts count BRAM36";
    EXPECT_GE(d.uram, 0);
    EXPECT_GT(d.lut, 0);
    EXPECT_GT(d.dram_bw_gbps, 0);
    EXPECT_GT(d.clock_mhz, 0);
    EXPECT_FALSE(d.part.empty());
    EXPECT_FALSE(d.board.empty());
    // Every entry names the data sheet of its part and where its clock comes from.
    EXPECT_TRUE(d.source.find("DS") != std::string::npos) << d.source;
    EXPECT_TRUE(d.source.find("clock") != std::string::npos) << d.source;
  }
}

TEST(Catalog, DspFamilyFollowsTheSeries) {
  // 7 series (Zynq-7000) have DSP48E1; UltraScale and UltraScale+ have DSP48E2 (UG479, UG579).
  for (const auto& d : device_catalog()) {
    const bool seven_series = d.part.rfind("XC7", 0) == 0;
    EXPECT_EQ(d.dsp_family, seven_series ? DspFamily::kDsp48E1 : DspFamily::kDsp48E2) << d.name;
  }
}

TEST(Catalog, KnownFiguresOfThePapersBoards) {
  // DS890: XCKU115 has 5,520 DSP48E2 and 2,160 BRAM36; DS190: XC7Z045 900 DSP and 545 BRAM36.
  const auto ku115 = find_device("KU115");
  ASSERT_TRUE(ku115) << ku115.error().message;
  EXPECT_EQ(ku115->dsp, 5520);
  EXPECT_EQ(ku115->bram18, 2 * 2160);
  EXPECT_EQ(ku115->clock_mhz, 200);
  const auto zc706 = find_device("zc706");
  ASSERT_TRUE(zc706);
  EXPECT_EQ(zc706->dsp, 900);
  EXPECT_EQ(zc706->bram18, 2 * 545);
  // Four DDR4-2400 channels x 64 bit: 4 x 2400e6 x 8 bytes = 76.8 GB/s.
  EXPECT_DOUBLE_EQ(find_device("u200")->dram_bw_gbps, 4 * 2400e6 * 8 / 1e9);
}

TEST(Catalog, UnknownNameSuggestsTheNearest) {
  const auto d = find_device("ku11");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message,
            "unknown device 'ku11' (did you mean 'ku115' or 'ku115_accdnn'?); 'dnnexplorer devices' "
            "lists the "
            "catalog, or pass a JSON device file");
  const auto z = find_device("zcu10");
  ASSERT_FALSE(z);
  EXPECT_NE(z.error().message.find("(did you mean 'zcu102' or 'zcu104'?)"), std::string::npos)
      << z.error().message;
}

TEST(Catalog, PartNamesFindTheirBoard) {
  const auto d = find_device("xczu9eg");
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->name, "zcu102");
  const auto vu9p = find_device("XCVU9P");
  ASSERT_FALSE(vu9p);
  EXPECT_EQ(vu9p.error().message,
            "part 'XCVU9P' is on several boards in the catalog: 'vcu118', 'aws_f1', "
            "'vu9p_hybriddnn'; name one");
  const auto ku115 = find_device("xcku115");
  ASSERT_FALSE(ku115);
  EXPECT_EQ(ku115.error().message,
            "part 'xcku115' is on several boards in the catalog: 'ku115', 'ku115_accdnn'; name "
            "one");
}

TEST(Catalog, ThePapersBoards) {
  // AccDNN's chip_define.py: DSP_NUM 4600, RAM18E_NUM 3500, DDR_BANDWIDTH 80000 Mb/s.
  const auto accdnn = find_device("ku115_accdnn");
  ASSERT_TRUE(accdnn) << accdnn.error().message;
  EXPECT_EQ(accdnn->part, "XCKU115");
  EXPECT_EQ(accdnn->dsp, 4600);
  EXPECT_EQ(accdnn->bram18, 3500);
  EXPECT_DOUBLE_EQ(accdnn->dram_bw_gbps, 80000.0 / 8 / 1000);
  EXPECT_TRUE(accdnn->unconfirmed.empty());
  // HybridDNN's VU9P: the part is confirmed (the paper's abstract), the board is not.
  const auto vu9p = find_device("vu9p_hybriddnn");
  ASSERT_TRUE(vu9p) << vu9p.error().message;
  EXPECT_EQ(vu9p->dsp, 6840);
  EXPECT_EQ(vu9p->unconfirmed,
            (std::vector<std::string>{"board", "dram_bw_gbps", "clock_mhz"}));
}

TEST(Catalog, UnconfirmedFiguresAreMarked) {
  std::vector<Device> devices{*find_device("vu9p_hybriddnn"), *find_device("ku115")};
  const std::string table = devices_table(devices);
  EXPECT_NE(table.find("38.4*"), std::string::npos) << table;
  EXPECT_NE(table.find("200*"), std::string::npos) << table;
  EXPECT_NE(table.find("* unconfirmed"), std::string::npos) << table;
  EXPECT_EQ(devices_json(devices)["devices"][0]["unconfirmed"],
            (nlohmann::json{"board", "dram_bw_gbps", "clock_mhz"}));
  EXPECT_FALSE(devices_json(devices)["devices"][1].contains("unconfirmed"));
  // Only the unconfirmed entry is marked.
  EXPECT_EQ(table.find("76.8*"), std::string::npos) << table;
}

TEST(Catalog, MissingDeviceFileIsNamed) {
  const auto d = find_device("/nonexistent/board.json");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "/nonexistent/board.json: no such file");
}

TEST(Catalog, ReadmeTableMatchesTheCatalog) {
  std::ifstream file(std::string(DNNE_SOURCE_DIR) + "/README.md");
  std::stringstream readme;
  readme << file.rdbuf();
  for (const auto& d : device_catalog()) {
    const std::string row = "| `" + d.name + "` | " + d.part + " | " + d.board + " | " +
                            with_commas(d.dsp) + " | " + with_commas(d.bram18) + " | " +
                            with_commas(d.uram) + " | " + with_commas(d.lut) + " | ";
    EXPECT_NE(readme.str().find(row), std::string::npos) << "README lacks the row " << row;
  }
}

}  // namespace
}  // namespace dnne
