// Golden files: for every tests/golden/cases/NAME.args, run `dnnexplorer ARGS` and compare
// its JSON output with NAME.json. Goldens catch change, not wrongness (STYLE.md): the numbers
// in them are checked by the oracle and validation tiers. Regenerate with
// scripts/update_goldens.sh and review the diff. Volatile keys ("search" timings) are dropped.
// In NAME.args, $SRC stands for the source tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

nlohmann::json stable(nlohmann::json j) {
  if (j.is_object() && j.contains("search")) j.erase("search");
  return j;
}

TEST(Golden, EveryCaseMatchesItsFile) {
  const fs::path cases = fs::path(DNNE_SOURCE_DIR) / "tests/golden/cases";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(cases)) {
    if (entry.path().extension() != ".args") continue;
    ++count;
    const std::string name = entry.path().stem();
    SCOPED_TRACE(name);
    std::string args = read(entry.path());
    while (!args.empty() && args.back() == '\n') args.pop_back();
    // $SRC names the source tree, so cases can read files shipped with it.
    for (size_t at; (at = args.find("$SRC")) != std::string::npos;)
      args.replace(at, 4, DNNE_SOURCE_DIR);
    const CliResult r = run_cli(args);
    ASSERT_EQ(r.status, 0) << r.err;
    const fs::path golden = cases / (name + ".json");
    ASSERT_TRUE(fs::exists(golden)) << "run scripts/update_goldens.sh";
    EXPECT_EQ(stable(nlohmann::json::parse(r.out)), stable(nlohmann::json::parse(read(golden))))
        << "output of '" << args << "' differs from " << golden
        << "; if the change is intended, run scripts/update_goldens.sh and review the diff";
  }
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace dnne
