// ResNet-18/34/50 as in torchvision.models.resnet (He et al., CVPR 2016; torchvision's
// "v1.5" puts the bottleneck's stride on the 3x3 conv). BatchNorm is folded into each conv,
// which therefore carries a bias. The head is a global average pool and one FC.
#include <string>

#include "zoo/zoo_families.h"

namespace dnne::zoo {

namespace {
const std::vector<std::string> kBnRelu = {"BatchNormalization", "Relu"};
const std::vector<std::string> kBn = {"BatchNormalization"};

// Shortcut: identity, or a 1x1 conv (with BN) when the stride or channel count changes.
LayerId shortcut(NetworkBuilder& b, const std::string& prefix, LayerId in, int64_t out_c,
                 int stride) {
  if (stride == 1 && b.shape(in)[0] == out_c) return in;
  return conv_layer(b, prefix + ".downsample", in,
                    {.out_channels = out_c, .kernel = 1, .stride = stride}, kBn);
}

LayerId basic_block(NetworkBuilder& b, const std::string& p, LayerId in, int64_t c, int stride) {
  LayerId x = conv_layer(b, p + ".conv1", in, {.out_channels = c, .kernel = 3, .stride = stride, .pad = 1}, kBnRelu);
  x = conv_layer(b, p + ".conv2", x, {.out_channels = c, .kernel = 3, .pad = 1}, kBn);
  return b.eltwise(p + ".add", "Add", {x, shortcut(b, p, in, c, stride)}, {"Relu"});
}

LayerId bottleneck(NetworkBuilder& b, const std::string& p, LayerId in, int64_t width, int stride) {
  const int64_t out_c = width * 4;
  LayerId x = conv_layer(b, p + ".conv1", in, {.out_channels = width, .kernel = 1}, kBnRelu);
  x = conv_layer(b, p + ".conv2", x, {.out_channels = width, .kernel = 3, .stride = stride, .pad = 1}, kBnRelu);
  x = conv_layer(b, p + ".conv3", x, {.out_channels = out_c, .kernel = 1}, kBn);
  return b.eltwise(p + ".add", "Add", {x, shortcut(b, p, in, out_c, stride)}, {"Relu"});
}
}  // namespace

void build_resnet(NetworkBuilder& b, const Shape& input, int depth) {
  const bool use_bottleneck = depth >= 50;
  const std::vector<int> blocks = depth == 18 ? std::vector<int>{2, 2, 2, 2}
                                              : std::vector<int>{3, 4, 6, 3};
  LayerId x = b.input("data", input);
  x = conv_layer(b, "conv1", x, {.out_channels = 64, .kernel = 7, .stride = 2, .pad = 3}, kBnRelu);
  x = max_pool(b, "maxpool", x, 3, 2, 1);
  for (int stage = 0; stage < 4; ++stage) {
    const int64_t width = int64_t{64} << stage;
    for (int i = 0; i < blocks[stage]; ++i) {
      const std::string prefix = "layer" + std::to_string(stage + 1) + "." + std::to_string(i);
      const int stride = (stage > 0 && i == 0) ? 2 : 1;
      x = use_bottleneck ? bottleneck(b, prefix, x, width, stride)
                         : basic_block(b, prefix, x, width, stride);
    }
  }
  x = b.pool("avgpool", x, {.mode = PoolMode::kAverage, .global = true});
  x = b.flatten("flatten", x);
  b.fc("fc", x, {.out_features = 1000});
}

}  // namespace dnne::zoo
