// Whole networks from tests/fixtures/caffe against counts derived independently of the
// importer: per-layer hand arithmetic (AlexNet, SqueezeNet), the zoo's PyTorch-hook-checked
// figures (VGG16), and the zoo's ResNet-50 corrected for Caffe's stride placement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/caffe_importer.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

Network fixture(const std::string& file, const LoadOptions& options = {}) {
  auto network = import_caffe(DNNE_SOURCE_DIR "/tests/fixtures/caffe/" + file, options);
  EXPECT_TRUE(network.ok()) << network.error().message;
  return network.ok() ? std::move(network).value() : Network();
}

Network zoo(const std::string& name, std::optional<Shape> input = std::nullopt) {
  auto network = build_zoo_network(name, input);
  EXPECT_TRUE(network.ok()) << network.error().message;
  return network.ok() ? std::move(network).value() : Network();
}

const Layer* find(const Network& network, const std::string& name) {
  for (const Layer& layer : network.layers())
    if (layer.name == name) return &layer;
  return nullptr;
}

struct LayerFigures {
  const char* name;
  Shape output;
  int64_t macs;
  int64_t params;
};

TEST(CaffeModels, AlexNetPerLayer) {
  // BVLC AlexNet at 227x227. Spatial sizes: conv1 (227 - 11) / 4 + 1 = 55; pool1
  // ceil((55 - 3) / 2) + 1 = 27; conv2 pad 2 keeps 27; pool2 13; conv3..5 keep 13; pool5 6.
  // MACs = M * R * Q * (C / g) * K^2; params = M * (C / g) * K^2 + M.
  const LayerFigures kLayers[] = {
      {"conv1", {96, 55, 55}, 96LL * 55 * 55 * 3 * 121, 96 * 3 * 121 + 96},
      {"pool1", {96, 27, 27}, 0, 0},
      {"conv2", {256, 27, 27}, 256LL * 27 * 27 * 48 * 25, 256 * 48 * 25 + 256},
      {"pool2", {256, 13, 13}, 0, 0},
      {"conv3", {384, 13, 13}, 384LL * 13 * 13 * 256 * 9, 384 * 256 * 9 + 384},
      {"conv4", {384, 13, 13}, 384LL * 13 * 13 * 192 * 9, 384 * 192 * 9 + 384},
      {"conv5", {256, 13, 13}, 256LL * 13 * 13 * 192 * 9, 256 * 192 * 9 + 256},
      {"pool5", {256, 6, 6}, 0, 0},
      {"fc6", {4096}, 9216LL * 4096, 9216 * 4096 + 4096},
      {"fc7", {4096}, 4096LL * 4096, 4096 * 4096 + 4096},
      {"fc8", {1000}, 4096LL * 1000, 4096 * 1000 + 1000},
  };
  const Network net = fixture("alexnet.prototxt");
  EXPECT_EQ(net.name(), "AlexNet");
  EXPECT_EQ(net.input_shape(), (Shape{3, 227, 227}));
  for (const auto& e : kLayers) {
    const Layer* layer = find(net, e.name);
    ASSERT_NE(layer, nullptr) << e.name;
    EXPECT_EQ(layer->output, e.output) << e.name;
    EXPECT_EQ(layer->macs, e.macs) << e.name;
    EXPECT_EQ(layer->params, e.params) << e.name;
  }
  EXPECT_EQ(find(net, "conv1")->fused_ops, (std::vector<std::string>{"ReLU", "LRN"}));
  EXPECT_EQ(find(net, "conv2")->conv()->groups, 2);
  EXPECT_EQ(find(net, "fc8")->fused_ops, std::vector<std::string>{"Softmax"});
  // The sums of the table: 665,784,864 conv and 58,621,952 FC MACs; 60,965,224 parameters,
  // the figure usually quoted for the BVLC model.
  EXPECT_EQ(net.totals().conv_macs, 665'784'864);
  EXPECT_EQ(net.totals().fc_macs, 58'621'952);
  EXPECT_EQ(net.totals().params, 60'965'224);
}

TEST(CaffeModels, Vgg16MatchesTheZoo) {
  // The zoo's vgg16 is checked against PyTorch forward hooks (tests/zoo).
  const Network net = fixture("vgg16.prototxt");
  EXPECT_EQ(net.input_shape(), (Shape{3, 224, 224}));
  EXPECT_EQ(net.totals().conv_macs, 15'346'630'656);
  EXPECT_EQ(net.totals().fc_macs, 123'633'664);
  EXPECT_EQ(net.totals().params, 138'357'544);
  const Network reference = zoo("vgg16");
  int compared = 0;
  for (const Layer& ref : reference.layers()) {
    if (ref.kind != LayerKind::kConv && ref.kind != LayerKind::kFc && ref.kind != LayerKind::kPool)
      continue;
    const Layer* layer = find(net, ref.name);
    ASSERT_NE(layer, nullptr) << ref.name;
    EXPECT_EQ(layer->output, ref.output) << ref.name;
    EXPECT_EQ(layer->macs, ref.macs) << ref.name;
    EXPECT_EQ(layer->params, ref.params) << ref.name;
    ++compared;
  }
  EXPECT_EQ(compared, 13 + 5 + 3);
}

TEST(CaffeModels, Vgg16InputOverrideMatchesTheZooAtThatSize) {
  const Network net = fixture("vgg16.prototxt", {.input = Shape{3, 512, 512}});
  const Network reference = zoo("vgg16", Shape{3, 512, 512});
  EXPECT_EQ(net.input_shape(), (Shape{3, 512, 512}));
  EXPECT_EQ(net.totals().conv_macs, reference.totals().conv_macs);
  EXPECT_EQ(net.totals().fc_macs, reference.totals().fc_macs);
}

TEST(CaffeModels, ResNet50StridesOnTheFirstOneByOne) {
  // Caffe's ResNet-50 puts a downsampling bottleneck's stride on branch2a (1x1) rather than
  // on the 3x3 as torchvision does. The 3x3 costs the same either way (it runs at the output
  // size in both); the 1x1 of res3a/res4a/res5a runs at the output size H/2 instead of the
  // input size H, saving 3/4 * H^2 * C_in * width MACs each:
  //   res3a: H 56, C_in 256, width 128; res4a: 28, 512, 256; res5a: 14, 1024, 512
  //   -> 3/4 * 102,760,448 = 77,070,336 each, 231,211,008 in all.
  // The zoo's torchvision count is 4,087,136,256 (PyTorch hooks), so Caffe's is
  // 4,087,136,256 - 231,211,008 = 3,855,925,248. Weights do not depend on stride, and
  // BatchNorm folds into each conv as a bias, so the parameters equal the zoo's.
  const Network net = fixture("resnet50.prototxt");
  const Network reference = zoo("resnet50");
  constexpr int64_t kSaved = 3 * (3 * 56LL * 56 * 256 * 128 / 4);
  EXPECT_EQ(kSaved, 231'211'008);
  EXPECT_EQ(reference.totals().conv_macs, 4'087'136'256);
  EXPECT_EQ(net.totals().conv_macs, 3'855'925'248);
  EXPECT_EQ(net.totals().conv_macs, reference.totals().conv_macs - kSaved);
  EXPECT_EQ(net.totals().fc_macs, 2'048'000);
  EXPECT_EQ(net.totals().params, reference.totals().params);

  const Layer* branch2a = find(net, "res3a_branch2a");
  ASSERT_NE(branch2a, nullptr);
  EXPECT_EQ(branch2a->output, (Shape{128, 28, 28}));
  EXPECT_EQ(branch2a->macs, 28LL * 28 * 256 * 128);
  EXPECT_EQ(branch2a->fused_ops, (std::vector<std::string>{"BatchNorm", "Scale", "ReLU"}));
  // pool1 3x3/2 without padding: ceil((112 - 3) / 2) + 1 = 56, as torchvision's padded pool.
  EXPECT_EQ(find(net, "pool1")->output, (Shape{64, 56, 56}));
  // 16 residual sums, each with its ReLU folded in.
  int sums = 0;
  for (const Layer& layer : net.layers())
    if (layer.kind == LayerKind::kEltwise) {
      ++sums;
      EXPECT_EQ(layer.fused_ops, std::vector<std::string>{"ReLU"}) << layer.name;
    }
  EXPECT_EQ(sums, 16);
}

TEST(CaffeModels, SqueezeNetFromOpenCvPerLayer) {
  // opencv-doc's SqueezeNet v1.0 deploy file at 416x416. conv1 7x7/2 without padding:
  // (416 - 7) / 2 + 1 = 205; max pools 3x3/2 round up: 205 -> 102, 102 -> 51, 51 -> 25.
  const Network net = fixture("SqueezeNet_deploy.prototxt");
  EXPECT_EQ(net.input_shape(), (Shape{3, 416, 416}));
  EXPECT_EQ(find(net, "conv1")->macs, 96LL * 205 * 205 * 3 * 49);
  EXPECT_EQ(find(net, "pool1")->output, (Shape{96, 102, 102}));
  EXPECT_EQ(find(net, "pool4")->output, (Shape{256, 51, 51}));
  EXPECT_EQ(find(net, "pool8")->output, (Shape{512, 25, 25}));

  // Fire module (Iandola et al. 2016, Table 1): squeeze s 1x1, expand e 1x1 and e 3x3 (pad 1),
  // concatenated to 2e channels.
  struct Fire {
    int index;
    int64_t in_c, s, e, hw;
  };
  const Fire kFires[] = {{2, 96, 16, 64, 102},  {3, 128, 16, 64, 102}, {4, 128, 32, 128, 102},
                         {5, 256, 32, 128, 51}, {6, 256, 48, 192, 51}, {7, 384, 48, 192, 51},
                         {8, 384, 64, 256, 51}, {9, 512, 64, 256, 25}};
  for (const Fire& f : kFires) {
    const std::string p = "fire" + std::to_string(f.index);
    const int64_t pixels = f.hw * f.hw;
    EXPECT_EQ(find(net, p + "_squeeze")->macs, pixels * f.in_c * f.s) << p;
    EXPECT_EQ(find(net, p + "_expand_1x1")->macs, pixels * f.s * f.e) << p;
    EXPECT_EQ(find(net, p + "_expand_3x3")->macs, pixels * f.s * f.e * 9) << p;
    EXPECT_EQ(find(net, p)->output, (Shape{2 * f.e, f.hw, f.hw})) << p;
  }
  EXPECT_EQ(find(net, "conv10")->macs, 25LL * 25 * 512 * 1000);
  EXPECT_EQ(find(net, "pool10")->output, (Shape{1000, 1, 1}));
  // Sum of the above, worked by hand: conv1 593,056,800; fires 122,517,504 + 127,844,352 +
  // 468,762,624 + 127,844,352 + 271,669,248 + 287,649,792 + 490,070,016 + 122,880,000;
  // conv10 320,000,000.
  EXPECT_EQ(net.totals().conv_macs, 2'932'294'688);
  EXPECT_EQ(net.totals().fc_macs, 0);
  // SqueezeNet v1.0's parameter count (1,248,424; torchvision's squeezenet1_0 has the same).
  EXPECT_EQ(net.totals().params, 1'248'424);
}

std::string file_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(CaffeModels, SqueezeNetFixtureIsOpenCvDocsCopy) {
  // Provenance: the fixture must stay an unmodified copy of Debian's opencv-doc file.
  const std::string system =
      "/usr/share/doc/opencv-doc/examples/dnn_objdetect/data/SqueezeNet_deploy.prototxt";
  if (!std::filesystem::exists(system)) GTEST_SKIP() << system << " is not installed";
  EXPECT_EQ(file_text(DNNE_SOURCE_DIR "/tests/fixtures/caffe/SqueezeNet_deploy.prototxt"),
            file_text(system));
}

}  // namespace
}  // namespace dnne
