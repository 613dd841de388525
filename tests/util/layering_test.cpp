// The library's layers: src/CMakeLists.txt adds its folders bottom-up (util, graph, ..., design,
// model, search, report, reference, api). A source may include its own folder and the folders
// added before it, never one added after: design files name stages by plain layer names
// (design/stage_names.h), so design sits below the model that evaluates designs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

namespace dnne {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(SourceLayers, EveryIncludePointsDown) {
  const fs::path src = fs::path(DNNE_SOURCE_DIR) / "src";
  std::map<std::string, int> rank;
  const std::string cmake = read(src / "CMakeLists.txt");
  const std::regex subdir(R"(add_subdirectory\((\w+)\))");
  for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), subdir);
       it != std::sregex_iterator(); ++it)
    rank.emplace((*it)[1].str(), static_cast<int>(rank.size()));
  ASSERT_GE(rank.size(), 10u);
  ASSERT_LT(rank.at("design"), rank.at("model"));
  const std::regex include(R"(#include "(\w+)/)");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    const std::string folder = entry.path().parent_path().filename();
    if (!rank.count(folder)) continue;
    const std::string text = read(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), include);
         it != std::sregex_iterator(); ++it) {
      const std::string target = (*it)[1].str();
      if (!rank.count(target)) continue;  // generated code (caffe_proto)
      ++checked;
      EXPECT_LE(rank.at(target), rank.at(folder))
          << entry.path().lexically_relative(src).string() << " includes " << target
          << "/: a layer above " << folder << " (src/CMakeLists.txt lists the order)";
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace dnne
