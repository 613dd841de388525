// Replays every input kept under fuzz/regressions/TARGET/ through the fuzz target's own entry
// function (fuzz/fuzz_entries.h): each file once crashed, hung or broke an invariant, and
// must now be accepted or refused with an Error. A crash or sanitizer report fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/fuzz_entries.h"

namespace dnne {
namespace {

const std::filesystem::path kRegressions =
    std::filesystem::path(DNNE_SOURCE_DIR) / "fuzz/regressions";

class FuzzRegression : public ::testing::TestWithParam<fuzz::Target> {};

TEST_P(FuzzRegression, ReplaysEveryKeptInput) {
  const fuzz::Target& target = GetParam();
  const auto dir = kRegressions / target.name;
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == ".gitkeep") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().string());
    target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  }
  RecordProperty("replayed", replayed);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(fuzz::targets()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace dnne
