// User text quoted in error messages: made valid, printable UTF-8 and clipped, so that one
// error stays one readable line of at most a few hundred bytes whatever the input holds
// (docs/robustness.md). A 300 KB identifier or a binary layer name must not reach stderr as is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dnne {

// Caps (ours, docs/robustness.md): a quote of user text inside a message, and one message line.
inline constexpr size_t kMaxQuoteBytes = 80;
inline constexpr size_t kMaxMessageLineBytes = 320;
// A multi-problem message (a design file with many mistakes) keeps at most this many lines.
inline constexpr size_t kMaxMessageLines = 20;

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF; RFC 3629 section 4).
bool is_valid_utf8(std::string_view text);

// Byte length of the longest prefix of `text` of at most `max_bytes` that does not end
// inside a UTF-8 sequence.
size_t utf8_prefix_length(std::string_view text, size_t max_bytes);

// `text` with control characters and invalid UTF-8 bytes written as \xNN (and \n, \t), then
// clipped to at most `max_bytes` bytes of the result plus "..." when it was longer.
std::string quote_text(std::string_view text, size_t max_bytes = kMaxQuoteBytes);

// A whole error message made safe to print: invalid UTF-8 and control characters other than
// newlines escaped, every line clipped to kMaxMessageLineBytes, at most kMaxMessageLines
// lines (the rest counted on a last line).
std::string clip_message(std::string_view message);

}  // namespace dnne
