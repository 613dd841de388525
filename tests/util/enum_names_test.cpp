#include "util/enum_names.h"

#include <gtest/gtest.h>

namespace dnne {
namespace {

enum class Colour { kRed, kGreen, kBlue, kUnnamed };

constexpr auto kColours =
    enum_names<Colour>({{Colour::kRed, "red"}, {Colour::kGreen, "green"}, {Colour::kBlue, "blue"}});

// The table is usable at compile time, so a definition can check itself.
static_assert(kColours.distinct());
static_assert(kColours.name(Colour::kGreen) == "green");
static_assert(kColours.parse("blue") == Colour::kBlue);
static_assert(!enum_names<Colour>({{Colour::kRed, "red"}, {Colour::kBlue, "red"}}).distinct());
static_assert(!enum_names<Colour>({{Colour::kRed, "red"}, {Colour::kRed, "blue"}}).distinct());
// covers(): every enumerator from 0 through the last named, once.
static_assert(kColours.covers(Colour::kBlue));
static_assert(!kColours.covers(Colour::kUnnamed));  // kUnnamed has no name
static_assert(!enum_names<Colour>({{Colour::kRed, "red"}, {Colour::kBlue, "blue"}})
                   .covers(Colour::kGreen));  // kGreen missing, kBlue past the last

TEST(EnumNames, NameAndParseReadOneTable) {
  for (Colour c : {Colour::kRed, Colour::kGreen, Colour::kBlue})
    EXPECT_EQ(kColours.parse(kColours.name(c)), c);
  EXPECT_EQ(kColours.name(Colour::kUnnamed), "?");
  EXPECT_EQ(kColours.parse("Red"), std::nullopt);  // names are exact
  EXPECT_EQ(kColours.parse(""), std::nullopt);
}

TEST(EnumNames, ListsNamesInTableOrder) {
  EXPECT_EQ(kColours.names(), (std::vector<std::string>{"red", "green", "blue"}));
  EXPECT_EQ(kColours.listed(), "red, green or blue");
  EXPECT_EQ(kColours.listed(", "), "red, green, blue");
  EXPECT_EQ(enum_names<Colour>({{Colour::kRed, "red"}}).listed(), "red");
  EXPECT_EQ(enum_names<Colour>({{Colour::kRed, "red"}, {Colour::kBlue, "blue"}}).listed(),
            "red or blue");
}

}  // namespace
}  // namespace dnne
