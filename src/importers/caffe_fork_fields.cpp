#include "importers/caffe_fork_fields.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace dnne {

namespace {
// Index just past a quoted string starting at `i` (TextFormat strings: '...' or "...", with
// backslash escapes).
size_t skip_string(const std::string& text, size_t i) {
  const char quote = text[i++];
  while (i < text.size() && text[i] != quote && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
  return std::min(i + 1, text.size());
}

// Index just past the block that opens at `i` ('{' or '<'), skipping strings and comments.
size_t skip_block(const std::string& text, size_t i) {
  int depth = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = skip_string(text, i);
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '{' || c == '<') ++depth;
    if ((c == '}' || c == '>') && --depth == 0) return i + 1;
    ++i;
  }
  return std::string::npos;  // unbalanced: leave the text to protobuf's own error
}

size_t skip_space(const std::string& text, size_t i) {
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}
}  // namespace

std::optional<std::string> take_unknown_field(std::string& text, int line, int column,
                                              const std::string& name) {
  size_t line_start = 0;
  for (int l = 1; l < line; ++l) {
    line_start = text.find('\n', line_start);
    if (line_start == std::string::npos) return std::nullopt;
    ++line_start;
  }
  // The name ends at or before the reported column.
  const size_t limit = std::min(text.size(), line_start + static_cast<size_t>(column));
  const size_t start = text.rfind(name, limit);
  if (start == std::string::npos || start < line_start) return std::nullopt;

  size_t end = skip_space(text, start + name.size());
  if (end < text.size() && text[end] == ':') end = skip_space(text, end + 1);
  if (end >= text.size()) return std::nullopt;
  const size_t value_start = end;
  if (text[end] == '{' || text[end] == '<' || text[end] == '[') {
    end = text[end] == '[' ? text.find(']', end) + 1 : skip_block(text, end);
    if (end == std::string::npos || end == 0) return std::nullopt;
  } else if (text[end] == '"' || text[end] == '\'') {
    end = skip_string(text, end);
  } else {
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           !std::strchr("}>;,#", text[end]))
      ++end;
  }
  std::string value = text.substr(value_start, end - value_start);
  for (size_t i = start; i < end; ++i)
    if (text[i] != '\n') text[i] = ' ';
  return value;
}

bool blank_unknown_field(std::string& text, int line, int column, const std::string& name) {
  return take_unknown_field(text, line, column, name).has_value();
}

}  // namespace dnne
