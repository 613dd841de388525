// The one reader for user files (issue 14: /dev/zero, a FIFO or a multi-gigabyte file given as
// a model, design or device file meant unbounded memory or a hang).
#include "util/input_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/expected.h"
#include "scratch_dir.h"

namespace dnne {
namespace {

std::string scratch(const std::string& name) {
  const auto dir = test::scratch_dir("input_file");
  return (dir / name).string();
}

std::string error_of(const std::string& path, uint64_t cap = kMaxTextFileBytes) {
  try {
    InputFile file(path, "a test file", cap);
    file.read_all();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(InputFile, ReadsARegularFile) {
  const std::string path = scratch("ok.txt");
  std::ofstream(path) << "layer {}\n";
  EXPECT_EQ(read_text_file(path, "a test file"), "layer {}\n");
}

TEST(InputFile, RefusesWhatIsNotARegularFile) {
  EXPECT_EQ(error_of("/nonexistent/x"), "/nonexistent/x: no such file");
  const std::string dir = scratch("folder");
  std::filesystem::create_directories(dir);
  EXPECT_EQ(error_of(dir), dir + ": is a directory, expected a test file");
  EXPECT_EQ(error_of("/dev/zero"),
            "/dev/zero: is a character device, expected a test file (only regular files are "
            "read)");
  // A FIFO with no writer: a blocking open would wait forever.
  const std::string fifo = scratch("fifo");
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of(fifo),
            fifo + ": is a FIFO, expected a test file (only regular files are read)");
}

TEST(InputFile, SizeIsCheckedBeforeReading) {
  // Sparse: 3 GB of nothing on disk, refused from its size alone.
  const std::string big = scratch("big.txt");
  std::ofstream(big) << "x";
  std::filesystem::resize_file(big, uint64_t{3} << 30);
  EXPECT_EQ(error_of(big),
            big + ": 3221225472 bytes exceeds the 67108864-byte limit for a test file");
  EXPECT_EQ(error_of(big, kMaxOnnxFileBytes),
            big + ": 3221225472 bytes exceeds the 2147483647-byte limit for a test file");
  std::filesystem::remove(big);
  const std::string empty = scratch("empty.txt");
  std::ofstream(empty).flush();
  EXPECT_EQ(error_of(empty), empty + ": the file is empty, expected a test file");
}

}  // namespace
}  // namespace dnne
