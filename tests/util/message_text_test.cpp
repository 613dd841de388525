// User text in error messages: escaped to printable UTF-8 and clipped (issue 14: an error
// line echoed 300 KB of a prototxt; a binary layer name broke every --json view).
#include "util/message_text.h"

#include <gtest/gtest.h>

#include <string>

namespace dnne {
namespace {

TEST(MessageText, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("conv1/3x3_reduce"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA9t\xC3\xA9"));           // été
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));            // U+1F600
  EXPECT_FALSE(is_valid_utf8("\xFF"));                       // never valid
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));                   // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));               // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));           // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xC3"));                       // truncated
  EXPECT_FALSE(is_valid_utf8(std::string("a\xE2\x82", 3)));  // truncated 3-byte
}

TEST(MessageText, QuoteEscapesAndClips) {
  EXPECT_EQ(quote_text("conv1"), "conv1");
  EXPECT_EQ(quote_text("a\nb\tc\x01"), "a\\nb\\tc\\x01");
  EXPECT_EQ(quote_text("x\xFFy"), "x\\xFFy");
  EXPECT_EQ(quote_text("\xC3\xA9"), "\xC3\xA9");  // valid UTF-8 kept as is
  const std::string clipped = quote_text(std::string(1000, 'a'));
  EXPECT_EQ(clipped, std::string(kMaxQuoteBytes, 'a') + "...");
  // Never cut inside a UTF-8 sequence or an escape: 79 'a' then a 2-byte letter.
  EXPECT_EQ(quote_text(std::string(79, 'a') + "\xC3\xA9"), std::string(79, 'a') + "...");
  EXPECT_EQ(quote_text(std::string(78, 'a') + "\xFF"), std::string(78, 'a') + "...");
}

TEST(MessageText, ClipMessageBoundsLinesAndLength) {
  EXPECT_EQ(clip_message("f.json: a\nf.json: b"), "f.json: a\nf.json: b");
  const std::string longest = clip_message("x: " + std::string(300'000, 'q'));
  EXPECT_EQ(longest.size(), kMaxMessageLineBytes + 3);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "line\n";
  const std::string clipped = clip_message(many);  // 101 lines (the last is empty)
  EXPECT_EQ(clipped.substr(clipped.rfind('\n') + 1), "(81 more lines left out)");
  EXPECT_EQ(clip_message("\r\x1b[2J"), "\\x0D\\x1B[2J");  // no terminal escapes reach stderr
}

TEST(MessageText, Utf8PrefixLength) {
  EXPECT_EQ(utf8_prefix_length("abc", 2), 2u);
  EXPECT_EQ(utf8_prefix_length("a\xC3\xA9", 2), 1u);
  EXPECT_EQ(utf8_prefix_length("a\xC3\xA9", 3), 3u);
}

}  // namespace
}  // namespace dnne
