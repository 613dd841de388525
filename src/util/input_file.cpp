#include "util/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/expected.h"
#include "util/message_text.h"

namespace dnne {

namespace {
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}
}  // namespace

InputFile::InputFile(const std::string& path, const std::string& what, uint64_t max_bytes,
                     bool allow_empty)
    : path_(quote_text(path, kMaxMessageLineBytes / 2)), what_(what), max_bytes_(max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It
  // has no effect on the regular files we go on to read.
  fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd_ < 0) {
    const int error = errno;
    if (error == ENOENT) throw InputError(path_ + ": no such file");
    throw InputError(path_ + ": cannot open: " + std::strerror(error));
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const int error = errno;
    ::close(fd_);
    throw InputError(path_ + ": cannot read: " + std::strerror(error));
  }
  std::string problem;
  if (S_ISDIR(st.st_mode)) {
    problem = ": is a directory, expected " + what_;
  } else if (!S_ISREG(st.st_mode)) {
    problem = std::string(": is ") + kind_of(st.st_mode) + ", expected " + what_ +
              " (only regular files are read)";
  } else if (static_cast<uint64_t>(st.st_size) > max_bytes_) {
    problem = ": " + std::to_string(st.st_size) + " bytes exceeds the " +
              std::to_string(max_bytes_) + "-byte limit for " + what_;
  } else if (st.st_size == 0 && !allow_empty) {
    problem = ": the file is empty, expected " + what_;
  }
  if (!problem.empty()) {
    ::close(fd_);
    throw InputError(path_ + problem);
  }
  size_ = static_cast<uint64_t>(st.st_size);
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string InputFile::read_all() {
  std::string text;
  text.reserve(static_cast<size_t>(size_));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(path_ + ": cannot read: " + std::strerror(errno));
    if (n == 0) break;
    if (text.size() + static_cast<size_t>(n) > max_bytes_)
      throw InputError(path_ + ": more than the " + std::to_string(max_bytes_) +
                       "-byte limit for " + what_);
    text.append(buffer, static_cast<size_t>(n));
  }
  return text;
}

std::string read_text_file(const std::string& path, const std::string& what) {
  InputFile file(path, what, kMaxTextFileBytes);
  return file.read_all();
}

}  // namespace dnne
