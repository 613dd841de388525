// VGG (Simonyan & Zisserman, ICLR 2015; torchvision.models.vgg): 3x3 convs with padding 1 and
// ReLU, a 2x2/2 max-pool after each block, then three FC layers. The first FC takes the
// flattened feature map (no adaptive pooling), so it grows with the input as DNNBuilder's and
// DNNExplorer's experiments at other input sizes assume.
#include <string>

#include "zoo/zoo_families.h"

namespace dnne::zoo {

std::vector<int> vgglike_blocks(int n) {
  // Spread as evenly as possible; the remainder goes to the later blocks (13 -> 2,2,3,3,3).
  constexpr int kBlocks = 5;
  std::vector<int> blocks(kBlocks, n / kBlocks);
  for (int i = 0; i < n % kBlocks; ++i) ++blocks[kBlocks - 1 - i];
  return blocks;
}

void build_vgg(NetworkBuilder& b, const Shape& input, const std::vector<int>& convs_per_block) {
  static constexpr int64_t kChannels[] = {64, 128, 256, 512, 512};
  LayerId x = b.input("data", input);
  for (size_t block = 0; block < convs_per_block.size(); ++block) {
    for (int i = 0; i < convs_per_block[block]; ++i) {
      const std::string name = "conv" + std::to_string(block + 1) + "_" + std::to_string(i + 1);
      x = conv_layer(b, name, x, {.out_channels = kChannels[block], .kernel = 3, .pad = 1},
                     {"Relu"});
    }
    x = max_pool(b, "pool" + std::to_string(block + 1), x, 2, 2);
  }
  x = b.flatten("flatten", x);
  x = b.fc("fc6", x, {.out_features = 4096}, {"Relu"});
  x = b.fc("fc7", x, {.out_features = 4096}, {"Relu"});
  b.fc("fc8", x, {.out_features = 1000});
}

}  // namespace dnne::zoo
