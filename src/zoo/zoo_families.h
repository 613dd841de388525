// Internal: one builder function per zoo family, each in its own file. Each appends a whole
// network to the builder, starting from an input layer of the given shape.
#pragma once

#include <vector>

#include "graph/network_builder.h"

namespace dnne::zoo {

// VGG with convs_per_block[i] 3x3 convs in block i (channels 64,128,256,512,512).
void build_vgg(NetworkBuilder& b, const Shape& input, const std::vector<int>& convs_per_block);
// vgglike_N: N convs over VGG16's five blocks, as evenly as possible, remainder to the later
// blocks. Requires 13 <= n <= 64 (checked by the caller).
std::vector<int> vgglike_blocks(int n);

void build_alexnet(NetworkBuilder& b, const Shape& input);
void build_zfnet(NetworkBuilder& b, const Shape& input);
void build_resnet(NetworkBuilder& b, const Shape& input, int depth);  // 18, 34, 50
void build_mobilenet_v1(NetworkBuilder& b, const Shape& input);
void build_mobilenet_v2(NetworkBuilder& b, const Shape& input);
void build_squeezenet1_1(NetworkBuilder& b, const Shape& input);
void build_yolov2_tiny(NetworkBuilder& b, const Shape& input);

// Helpers shared by the families: a square conv with symmetric padding, folded BN and an
// activation, as the zoo's deployments run it.
struct ConvSpec {
  int64_t out_channels;
  int kernel;
  int stride = 1;
  int pad = 0;
  int groups = 1;
};
LayerId conv_layer(NetworkBuilder& b, const std::string& name, LayerId in, const ConvSpec& spec,
                   std::vector<std::string> fused_ops);
LayerId max_pool(NetworkBuilder& b, const std::string& name, LayerId in, int kernel, int stride,
                 int pad = 0, bool ceil_mode = false);

}  // namespace dnne::zoo
