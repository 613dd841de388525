#include "cli/report_files.h"

#include <unistd.h>

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

Expected<bool> check_output_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  // Nothing is created yet (a search that finds nothing writes nothing): the directory, or
  // the nearest ancestor that exists, must be a directory we can write into.
  fs::path path = fs::absolute(dir);
  std::error_code ec;
  while (!fs::exists(path, ec) && path.has_parent_path() && path != path.parent_path())
    path = path.parent_path();
  if (!fs::is_directory(path, ec))
    return Error{"--out '" + dir + "': '" + path.string() + "' exists and is not a directory"};
  if (::access(path.c_str(), W_OK | X_OK) != 0)
    return Error{"--out '" + dir + "': cannot write into '" + path.string() + "'"};
  return true;
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
