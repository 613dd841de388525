// The one way user files are opened (prototxt, design, device, ONNX): regular files only, a
// size cap checked before any byte is read, and a nonblocking open so that a FIFO given as a
// model cannot hang the tool (docs/robustness.md). /dev/zero, a FIFO, a directory or a
// multi-gigabyte file is an InputError naming the file, never unbounded memory or a hang.
#pragma once

#include <cstdint>
#include <string>

namespace dnne {

// Caps (ours, docs/robustness.md). The largest prototxt we know of (ResNet-152's deploy
// file) is ~70 KB and a design or device file is a few KB, so 64 MiB is generous; an ONNX
// file is one protobuf message, which protobuf caps at 2 GiB.
inline constexpr uint64_t kMaxTextFileBytes = uint64_t{64} << 20;
inline constexpr uint64_t kMaxOnnxFileBytes = (uint64_t{2} << 30) - 1;

// An open regular file, closed on destruction.
class InputFile {
 public:
  // Throws InputError: "PATH: no such file", "PATH: is a directory, expected WHAT",
  // "PATH: is a FIFO, expected WHAT (a regular file)", "PATH: N bytes exceeds the M-byte
  // limit for WHAT", "PATH: the file is empty, expected WHAT" (when `allow_empty` is off).
  // `what` names the expected content, e.g. "a Caffe .prototxt file".
  InputFile(const std::string& path, const std::string& what, uint64_t max_bytes,
            bool allow_empty = false);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  int fd() const { return fd_; }
  uint64_t size() const { return size_; }

  // The whole content (at most the cap: a file that grew past it since it was opened is an
  // InputError too).
  std::string read_all();

 private:
  std::string path_, what_;
  uint64_t max_bytes_ = 0;
  int fd_ = -1;
  uint64_t size_ = 0;
};

// Convenience: the content of a text file of at most kMaxTextFileBytes.
std::string read_text_file(const std::string& path, const std::string& what);

}  // namespace dnne
