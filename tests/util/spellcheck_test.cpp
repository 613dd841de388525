#include "util/spellcheck.h"

#include <gtest/gtest.h>

namespace dnne {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutions) {
  EXPECT_EQ(edit_distance("vgg16", "vgg16"), 0);
  EXPECT_EQ(edit_distance("vgg61", "vgg16"), 2);
  EXPECT_EQ(edit_distance("resnt50", "resnet50"), 1);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("VGG16", "vgg16"), 0);
}

TEST(NearestNames, SuggestsCloseNamesNearestFirst) {
  const std::vector<std::string> zoo = {"vgg16", "vgg19", "resnet18", "resnet50", "alexnet"};
  EXPECT_EQ(nearest_names("vgg15", zoo), (std::vector<std::string>{"vgg16", "vgg19"}));
  EXPECT_EQ(nearest_names("resnet", zoo), (std::vector<std::string>{"resnet18", "resnet50"}));
  EXPECT_TRUE(nearest_names("transformer", zoo).empty());
}

TEST(DidYouMean, FormatsAList) {
  EXPECT_EQ(did_you_mean("alexnt", {"alexnet", "zfnet"}), " (did you mean 'alexnet'?)");
  EXPECT_EQ(did_you_mean("qqqqqqq", {"alexnet"}), "");
}

}  // namespace
}  // namespace dnne
