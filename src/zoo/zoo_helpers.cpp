#include "zoo/zoo_families.h"

namespace dnne::zoo {

LayerId conv_layer(NetworkBuilder& b, const std::string& name, LayerId in, const ConvSpec& spec,
                   std::vector<std::string> fused_ops) {
  return b.conv(name, in,
                {.out_channels = spec.out_channels,
                 .kernel_h = spec.kernel,
                 .kernel_w = spec.kernel,
                 .stride_h = spec.stride,
                 .stride_w = spec.stride,
                 .pad_top = spec.pad,
                 .pad_left = spec.pad,
                 .pad_bottom = spec.pad,
                 .pad_right = spec.pad,
                 .groups = spec.groups},
                std::move(fused_ops));
}

LayerId max_pool(NetworkBuilder& b, const std::string& name, LayerId in, int kernel, int stride,
                 int pad, bool ceil_mode) {
  return b.pool(name, in,
                {.mode = PoolMode::kMax,
                 .kernel_h = kernel,
                 .kernel_w = kernel,
                 .stride_h = stride,
                 .stride_w = stride,
                 .pad_top = pad,
                 .pad_left = pad,
                 .pad_bottom = pad,
                 .pad_right = pad,
                 .ceil_mode = ceil_mode});
}

}  // namespace dnne::zoo
