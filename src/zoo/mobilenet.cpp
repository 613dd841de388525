// MobileNet v1 (Howard et al., arXiv 1704.04861, Table 1) and MobileNet v2 as in
// torchvision.models.mobilenet_v2 (Sandler et al., CVPR 2018, Table 2). BatchNorm is folded
// into each conv.
#include <string>

#include "zoo/zoo_families.h"

namespace dnne::zoo {

namespace {
const std::vector<std::string> kBnRelu = {"BatchNormalization", "Relu"};
const std::vector<std::string> kBnRelu6 = {"BatchNormalization", "Relu6"};

LayerId head(NetworkBuilder& b, LayerId x) {
  x = b.pool("avgpool", x, {.mode = PoolMode::kAverage, .global = true});
  x = b.flatten("flatten", x);
  return b.fc("fc", x, {.out_features = 1000});
}
}  // namespace

void build_mobilenet_v1(NetworkBuilder& b, const Shape& input) {
  // Table 1: (output channels, stride) of each depthwise-separable block.
  static constexpr std::pair<int64_t, int> kBlocks[] = {
      {64, 1},  {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},  {512, 1},
      {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
  LayerId x = b.input("data", input);
  x = conv_layer(b, "conv1", x, {.out_channels = 32, .kernel = 3, .stride = 2, .pad = 1}, kBnRelu);
  int index = 2;
  for (const auto& [out_c, stride] : kBlocks) {
    const int64_t in_c = b.shape(x)[0];
    const std::string n = std::to_string(index++);
    x = conv_layer(b, "conv" + n + "_dw", x,
                   {.out_channels = in_c, .kernel = 3, .stride = stride, .pad = 1, .groups = static_cast<int>(in_c)},
                   kBnRelu);
    x = conv_layer(b, "conv" + n + "_pw", x, {.out_channels = out_c, .kernel = 1}, kBnRelu);
  }
  head(b, x);
}

void build_mobilenet_v2(NetworkBuilder& b, const Shape& input) {
  struct Stage { int expand; int64_t channels; int repeats; int stride; };
  // torchvision's inverted_residual_setting (t, c, n, s).
  static constexpr Stage kStages[] = {{1, 16, 1, 1},  {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                      {6, 96, 3, 1},  {6, 160, 3, 2}, {6, 320, 1, 1}};
  LayerId x = b.input("data", input);
  x = conv_layer(b, "features.0", x, {.out_channels = 32, .kernel = 3, .stride = 2, .pad = 1}, kBnRelu6);
  int index = 1;
  for (const Stage& stage : kStages) {
    for (int i = 0; i < stage.repeats; ++i) {
      const std::string p = "features." + std::to_string(index++);
      const int stride = i == 0 ? stage.stride : 1;
      const int64_t in_c = b.shape(x)[0];
      const int64_t hidden = in_c * stage.expand;
      LayerId y = x;
      if (stage.expand != 1)
        y = conv_layer(b, p + ".expand", y, {.out_channels = hidden, .kernel = 1}, kBnRelu6);
      y = conv_layer(b, p + ".dw", y,
                     {.out_channels = hidden, .kernel = 3, .stride = stride, .pad = 1, .groups = static_cast<int>(hidden)},
                     kBnRelu6);
      y = conv_layer(b, p + ".project", y, {.out_channels = stage.channels, .kernel = 1},
                     {"BatchNormalization"});
      const bool residual = stride == 1 && in_c == stage.channels;
      x = residual ? b.eltwise(p + ".add", "Add", {x, y}) : y;
    }
  }
  x = conv_layer(b, "features.18", x, {.out_channels = 1280, .kernel = 1}, kBnRelu6);
  head(b, x);
}

}  // namespace dnne::zoo
