// The first error of a protobuf TextFormat parse, with its 1-based position, for messages that
// name the line and column (the parser stops there anyway). Without a collector protobuf
// would log to stderr, which library code must not do.
#pragma once

#include <google/protobuf/io/tokenizer.h>

#include <string>

namespace dnne {

class TextFormatFirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!message_.empty()) return;
    // protobuf's positions are zero-based.
    line_ = line + 1;
    column_ = column + 1;
    message_ = message;
  }
  // "line:column: message"
  std::string text() const {
    if (message_.empty()) return "1:1: not a Caffe prototxt";
    return std::to_string(line_) + ":" + std::to_string(column_) + ": " + message_;
  }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  int line_ = 0, column_ = 0;
  std::string message_;
};

// protobuf's messages end in a period; drop it before appending a clause of ours.
inline std::string without_final_period(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace dnne
