// A scratch folder for the test program that asks for it: one per process (ctest -j runs test
// programs side by side), under the system temp dir, created on first use and removed with
// everything in it when the process exits, so test runs leave nothing behind in /tmp (the
// per-process folders of five test files once piled up by the thousand).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace dnne::test {

// `<temp>/dnne_test_<pid>/<name>`; the folder `name` is created if need be.
inline std::filesystem::path scratch_dir(const std::string& name) {
  struct Root {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("dnne_test_" + std::to_string(::getpid()));
    ~Root() {
      std::error_code ignored;  // nothing to report from an exiting test program
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Root root;
  const std::filesystem::path dir = root.path / name;
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace dnne::test
