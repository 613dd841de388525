// SqueezeNet 1.1 as in torchvision.models.squeezenet1_1 (Iandola et al., arXiv 1602.07360;
// v1.1 from the authors' repository): Fire modules of a 1x1 squeeze and concatenated 1x1 and
// 3x3 expands; ceil-mode max-pools; a 1x1 conv classifier and a global average pool.
#include <string>

#include "zoo/zoo_families.h"

namespace dnne::zoo {

namespace {
LayerId fire(NetworkBuilder& b, const std::string& p, LayerId in, int64_t squeeze, int64_t expand) {
  LayerId s = conv_layer(b, p + ".squeeze", in, {.out_channels = squeeze, .kernel = 1}, {"Relu"});
  LayerId e1 = conv_layer(b, p + ".expand1x1", s, {.out_channels = expand, .kernel = 1}, {"Relu"});
  LayerId e3 = conv_layer(b, p + ".expand3x3", s, {.out_channels = expand, .kernel = 3, .pad = 1}, {"Relu"});
  return b.concat(p + ".concat", {e1, e3}, 0);
}
}  // namespace

void build_squeezenet1_1(NetworkBuilder& b, const Shape& input) {
  LayerId x = b.input("data", input);
  x = conv_layer(b, "conv1", x, {.out_channels = 64, .kernel = 3, .stride = 2}, {"Relu"});
  x = max_pool(b, "pool1", x, 3, 2, 0, true);
  x = fire(b, "fire2", x, 16, 64);
  x = fire(b, "fire3", x, 16, 64);
  x = max_pool(b, "pool3", x, 3, 2, 0, true);
  x = fire(b, "fire4", x, 32, 128);
  x = fire(b, "fire5", x, 32, 128);
  x = max_pool(b, "pool5", x, 3, 2, 0, true);
  x = fire(b, "fire6", x, 48, 192);
  x = fire(b, "fire7", x, 48, 192);
  x = fire(b, "fire8", x, 64, 256);
  x = fire(b, "fire9", x, 64, 256);
  x = conv_layer(b, "conv10", x, {.out_channels = 1000, .kernel = 1}, {"Relu"});
  b.pool("avgpool", x, {.mode = PoolMode::kAverage, .global = true});
}

}  // namespace dnne::zoo
