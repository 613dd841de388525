// YOLOv2-tiny as in Darknet's cfg/yolov2-tiny.cfg (Redmon & Farhadi, CVPR 2017), 416x416 by
// default: six 3x3 conv + 2x2 max-pool stages (the sixth pool has stride 1, and Darknet pads
// it by size-1 = 1 at the bottom/right so the 13x13 map keeps its size), 3x3 convs of 1024 and
// 512 channels, then a 1x1 conv to 425 = 5 anchors x (80 classes + 5) with a bias and no BN.
#include <string>

#include "zoo/zoo_families.h"

namespace dnne::zoo {

void build_yolov2_tiny(NetworkBuilder& b, const Shape& input) {
  const std::vector<std::string> bn_leaky = {"BatchNormalization", "LeakyRelu"};
  LayerId x = b.input("data", input);
  int64_t channels = 16;
  for (int i = 1; i <= 6; ++i, channels *= 2) {
    x = conv_layer(b, "conv" + std::to_string(i), x, {.out_channels = channels, .kernel = 3, .pad = 1}, bn_leaky);
    if (i < 6) {
      x = max_pool(b, "pool" + std::to_string(i), x, 2, 2);
    } else {
      x = b.pool("pool6", x, {.mode = PoolMode::kMax, .kernel_h = 2, .kernel_w = 2,
                              .pad_bottom = 1, .pad_right = 1});
    }
  }
  x = conv_layer(b, "conv7", x, {.out_channels = 1024, .kernel = 3, .pad = 1}, bn_leaky);
  x = conv_layer(b, "conv8", x, {.out_channels = 512, .kernel = 3, .pad = 1}, bn_leaky);
  conv_layer(b, "conv9", x, {.out_channels = 425, .kernel = 1}, {});
}

}  // namespace dnne::zoo
