#include "util/message_text.h"

#include <cstdint>
#include <cstdio>

namespace dnne {

namespace {

// Length of the well-formed UTF-8 sequence at text[i], 0 when the bytes there are not one
// (RFC 3629 section 4's table of valid byte ranges).
size_t sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100u;
  };
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = byte(0);
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

std::string hex_escape(unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
  return buffer;
}

// Escapes `text` and stops once the output reaches `max_bytes`; `clipped` says whether
// anything was left out.
std::string escape(std::string_view text, size_t max_bytes, bool keep_newlines, bool& clipped) {
  std::string out;
  clipped = false;
  for (size_t i = 0; i < text.size();) {
    const size_t n = sequence_length(text, i);
    std::string piece;
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 0) {
      piece = hex_escape(c);
    } else if (n == 1 && c == '\n' && keep_newlines) {
      piece = "\n";
    } else if (n == 1 && c == '\n') {
      piece = "\\n";
    } else if (n == 1 && c == '\t') {
      piece = "\\t";
    } else if (n == 1 && (c < 0x20 || c == 0x7F)) {
      piece = hex_escape(c);
    } else {
      piece.assign(text.substr(i, n));
    }
    if (out.size() + piece.size() > max_bytes) {
      clipped = true;
      break;
    }
    out += piece;
    i += n == 0 ? 1 : n;
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t n = sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t utf8_prefix_length(std::string_view text, size_t max_bytes) {
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t n = sequence_length(text, i);
    const size_t step = n == 0 ? 1 : n;
    if (i + step > max_bytes) break;
    i += step;
    end = i;
  }
  return end;
}

std::string quote_text(std::string_view text, size_t max_bytes) {
  bool clipped = false;
  std::string out = escape(text, max_bytes, false, clipped);
  return clipped ? out + "..." : out;
}

std::string clip_message(std::string_view message) {
  std::string out;
  size_t lines = 0, dropped = 0;
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    if (lines < kMaxMessageLines) {
      bool clipped = false;
      out += (lines ? "\n" : "") +
             escape(message.substr(start, end - start), kMaxMessageLineBytes, false, clipped);
      if (clipped) out += "...";
      ++lines;
    } else {
      ++dropped;
    }
    start = end + 1;
  }
  if (dropped)
    out +=
        "\n(" + std::to_string(dropped) + " more line" + (dropped == 1 ? "" : "s") + " left out)";
  return out;
}

}  // namespace dnne
