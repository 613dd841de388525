#include "cli/report_files.h"

#include <filesystem>
#include <fstream>

namespace dnne::cli {

Expected<std::string> write_output_files(const std::string& dir, const OutputFiles& files) {
  namespace fs = std::filesystem;
  for (const auto& [name, text] : files) {
    const fs::path path = fs::path(dir) / name;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return Error{"--out '" + dir + "': cannot create the directory '" +
                   path.parent_path().string() + "': " + ec.message()};
    std::ofstream file(path);
    file << text;
    if (!file) return Error{"--out: cannot write '" + path.string() + "'"};
  }
  return written_line(dir, files);
}

std::string written_line(const std::string& dir, const OutputFiles& files) {
  std::vector<std::pair<std::string, int>> entries;  // file, or subdirectory and its count
  for (const auto& file : files) {
    const std::string& name = file.first;
    const size_t slash = name.find('/');
    const std::string entry = slash == std::string::npos ? name : name.substr(0, slash + 1);
    if (!entries.empty() && entries.back().first == entry)
      ++entries.back().second;
    else
      entries.push_back({entry, 1});
  }
  std::string line = "wrote " + std::to_string(files.size()) +
                     (files.size() == 1 ? " file" : " files") + " to " + dir +
                     (dir.ends_with('/') ? "" : "/") + ":";
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [entry, count] = entries[i];
    line += (i ? ", " : " ") + entry;
    if (entry.ends_with('/'))
      line += " (" + std::to_string(count) + (count == 1 ? " file)" : " files)");
  }
  return line;
}

}  // namespace dnne::cli
