// AlexNet as in torchvision.models.alexnet (the single-tower "One weird trick" variant,
// Krizhevsky 2014) and ZFNet (Zeiler & Fergus, ECCV 2014, Fig. 3). As for VGG, the first FC
// takes the flattened feature map instead of an adaptive pool, so it grows with the input.
#include "zoo/zoo_families.h"

namespace dnne::zoo {

namespace {
void classifier(NetworkBuilder& b, LayerId x) {
  x = b.flatten("flatten", x);
  x = b.fc("fc6", x, {.out_features = 4096}, {"Relu"});
  x = b.fc("fc7", x, {.out_features = 4096}, {"Relu"});
  b.fc("fc8", x, {.out_features = 1000});
}
}  // namespace

void build_alexnet(NetworkBuilder& b, const Shape& input) {
  LayerId x = b.input("data", input);
  x = conv_layer(b, "conv1", x, {.out_channels = 64, .kernel = 11, .stride = 4, .pad = 2}, {"Relu"});
  x = max_pool(b, "pool1", x, 3, 2);
  x = conv_layer(b, "conv2", x, {.out_channels = 192, .kernel = 5, .pad = 2}, {"Relu"});
  x = max_pool(b, "pool2", x, 3, 2);
  x = conv_layer(b, "conv3", x, {.out_channels = 384, .kernel = 3, .pad = 1}, {"Relu"});
  x = conv_layer(b, "conv4", x, {.out_channels = 256, .kernel = 3, .pad = 1}, {"Relu"});
  x = conv_layer(b, "conv5", x, {.out_channels = 256, .kernel = 3, .pad = 1}, {"Relu"});
  x = max_pool(b, "pool5", x, 3, 2);
  classifier(b, x);
}

// ZFNet, Fig. 3: 224 -> conv1 96@7x7/2 -> 110 -> pool 3/2 -> 55 -> conv2 256@5x5/2 -> 26 ->
// pool 3/2 -> 13 -> conv3..5 (384, 384, 256 @3x3) -> pool 3/2 -> 6. The paper's sizes need
// padding 1 on conv1 and Caffe's round-up pooling (ceil mode).
void build_zfnet(NetworkBuilder& b, const Shape& input) {
  LayerId x = b.input("data", input);
  x = conv_layer(b, "conv1", x, {.out_channels = 96, .kernel = 7, .stride = 2, .pad = 1}, {"Relu"});
  x = max_pool(b, "pool1", x, 3, 2, 0, true);
  x = conv_layer(b, "conv2", x, {.out_channels = 256, .kernel = 5, .stride = 2}, {"Relu"});
  x = max_pool(b, "pool2", x, 3, 2, 0, true);
  x = conv_layer(b, "conv3", x, {.out_channels = 384, .kernel = 3, .pad = 1}, {"Relu"});
  x = conv_layer(b, "conv4", x, {.out_channels = 384, .kernel = 3, .pad = 1}, {"Relu"});
  x = conv_layer(b, "conv5", x, {.out_channels = 256, .kernel = 3, .pad = 1}, {"Relu"});
  x = max_pool(b, "pool5", x, 3, 2, 0, true);
  classifier(b, x);
}

}  // namespace dnne::zoo
