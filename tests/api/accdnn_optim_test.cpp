// AccDNN's optim.conf as a design: its two example files (tests/fixtures/accdnn, copied from
// IBM/AccDNN) give every stage the file's CPF/KPF; malformed files name the line and layer.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "accdnn_fixture.h"
#include "api/accdnn_optim.h"
#include "design/design_json.h"
#include "importers/model_loader.h"

namespace dnne {
namespace {

const std::string& kDir = testing::kAccDnnDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using Net = testing::AccDnnNet;
Net load(const std::string& prototxt) { return testing::load_accdnn_net(prototxt); }

const StageParallelism& stage(const Net& n, const Design& d, const std::string& name) {
  for (size_t i = 0; i < n.workload.stages.size(); ++i)
    if (n.network.layer(n.workload.stages[i].layer).name == name) return d.pipeline.stages[i];
  throw std::runtime_error("no stage " + name);
}

TEST(AccDnnOptim, Vgg16ExampleGivesTheFilesParallelism) {
  const Net n = load("deploy_vgg16.prototxt");
  auto d = read_any_design_file(kDir + "optim_vgg16.conf", n.workload, n.network);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->split_point, static_cast<int>(n.workload.stages.size()));
  EXPECT_EQ(d->pipeline.batch, 1);
  EXPECT_EQ(d->precision_bits, 16);
  // The file's figures (optim_vgg16.conf), including its first, middle and last layers.
  const struct {
    const char* name;
    int cpf, kpf;
  } expected[] = {{"conv1_1", 1, 8}, {"conv1_2", 16, 8}, {"conv2_1", 8, 8}, {"conv3_3", 16, 8},
                  {"conv4_1", 8, 8}, {"conv5_3", 8, 4},  {"fc6", 8, 2},     {"fc7", 2, 2},
                  {"fc8", 2, 1}};
  for (const auto& e : expected) {
    EXPECT_EQ(stage(n, *d, e.name).cpf, e.cpf) << e.name;
    EXPECT_EQ(stage(n, *d, e.name).kpf, e.kpf) << e.name;
    // 16 weighted layers and 15 DMA channels: the smallest, conv1_1, keeps its weights in
    // ROM (AccDNN's WM_HIERARCHY_THRES at its smallest useful value); the rest stream.
    EXPECT_EQ(stage(n, *d, e.name).weights_on_chip, std::string(e.name) == "conv1_1") << e.name;
  }
  // Pooling reads KPF only (AccDNN's model.py); the file's CPF = 8 is ignored.
  EXPECT_EQ(stage(n, *d, "pool1").kpf, 8);
  EXPECT_EQ(stage(n, *d, "pool1").cpf, 1);
  EXPECT_EQ(stage(n, *d, "pool5").kpf, 4);
}

TEST(AccDnnOptim, KittiExampleUsesTheInputChannelPadding) {
  const Net n = load("tiny-yolo-kitti-1280-relu-512.prototxt");
  std::vector<std::string> warnings;
  auto d = read_any_design_file(kDir + "optim_kitti.conf", n.workload, n.network, &warnings);
  ASSERT_TRUE(d) << d.error().message;
  // The file keeps a [pool6] (line 40) for the sixth max-pool that the network's darknet
  // cfg comments out; AccDNN ignores it, and so do we, saying so.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], kDir + "optim_kitti.conf:40: layer 'pool6': no such layer in "
                                "tiny-yolo-kitti-1280-relu-512 (did you mean 'pool1', 'pool2' or "
                                "'pool3'?); section ignored");
  // conv1 reads 3 channels; AccDNN pads them to 4, so CPF = 4 is legal there.
  EXPECT_EQ(n.workload.stages[0].C, 3);
  EXPECT_EQ(stage(n, *d, "conv1").cpf, 4);
  EXPECT_EQ(stage(n, *d, "conv1").kpf, 8);
  EXPECT_EQ(stage(n, *d, "pool1").kpf, 4);
  EXPECT_EQ(stage(n, *d, "conv7").cpf, 16);
  EXPECT_EQ(stage(n, *d, "conv8").kpf, 8);
  EXPECT_EQ(stage(n, *d, "conv9").cpf, 4);
  EXPECT_EQ(stage(n, *d, "conv9").kpf, 2);
}

// The kitti file with line `line` (1-based) replaced by `text` (empty: removed).
std::string kitti_with(int line, const std::string& text) {
  std::istringstream in(slurp(kDir + "optim_kitti.conf"));
  std::string out, l;
  for (int i = 1; std::getline(in, l); ++i) {
    if (i == line) {
      if (!text.empty()) out += text + "\n";
    } else {
      out += l + "\n";
    }
  }
  return out;
}

std::string error_of(const std::string& text) {
  const Net n = load("tiny-yolo-kitti-1280-relu-512.prototxt");
  auto d = accdnn_optim_to_design(text, n.workload, n.network, "k.conf");
  return d ? std::string("(accepted)") : d.error().message;
}

std::vector<std::string> warnings_of(const std::string& text) {
  const Net n = load("tiny-yolo-kitti-1280-relu-512.prototxt");
  std::vector<std::string> warnings;
  auto d = accdnn_optim_to_design(text, n.workload, n.network, "k.conf", &warnings);
  EXPECT_TRUE(d) << d.error().message;
  return warnings;
}

TEST(AccDnnOptim, BadValuesNameTheLineAndLayer) {
  // optim_kitti.conf: line 1 [conv1], 2 CPF = 4, 3 KPF = 8, 5 [pool1], 6 KPF = 4, ...
  EXPECT_EQ(error_of(kitti_with(3, "KPF = 3")),
            "k.conf:3: layer 'conv1': KPF 3 must be a power of two");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = 0")),
            "k.conf:3: layer 'conv1': KPF '0': expected a positive integer");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = -8")),
            "k.conf:3: layer 'conv1': KPF '-8': expected a positive integer");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = eight")),
            "k.conf:3: layer 'conv1': KPF 'eight': expected a positive integer");
  // Over AccDNN's limits: MAX_KPF 64, the padded channels, the weight port's 4,096 bits.
  EXPECT_EQ(error_of(kitti_with(6, "KPF = 128")),
            "k.conf:6: layer 'pool1': KPF 128 exceeds AccDNN's maximum 64");
  EXPECT_EQ(error_of(kitti_with(2, "CPF = 8")),
            "k.conf:2: layer 'conv1': CPF 8 exceeds the layer's 4 input channels per group "
            "(with AccDNN's input padding)");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = 32")),
            "k.conf:3: layer 'conv1': KPF 32 exceeds the layer's 16 output channels per group");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = 16\nDMA_DELAY = 3")),
            "k.conf:4: layer 'conv1': DMA_DELAY 3 exceeds AccDNN's MAX_DDR_DMA_DELAY 2");
  // conv7 (512 -> 512): 64 x 64 lanes x 16 bits = 65,536-bit port.
  const std::string wide = "[conv7]\nCPF = 64\nKPF = 64\n";
  std::string text = slurp(kDir + "optim_kitti.conf");
  text.replace(text.find("[conv7]\nCPF = 16\nKPF = 8\n"), 24, wide);
  EXPECT_NE(error_of(text).find("layer 'conv7': CPF x KPF x 16 bits = 65536-bit weight port "
                                "exceeds AccDNN's MAX_BUS_WIDTH 4096"),
            std::string::npos)
      << error_of(text);
}

TEST(AccDnnOptim, StructureProblemsNameTheLineAndLayer) {
  // A layer without a section (conv3's lines 13-15 removed): no line to name, the layer is.
  std::string text = slurp(kDir + "optim_kitti.conf");
  text.erase(text.find("[conv3]"), std::string("[conv3]\nCPF = 8\nKPF = 8\n").size());
  EXPECT_EQ(error_of(text), "k.conf: layer 'conv3': stage 4 (conv) has no [conv3] section");
  // A section naming no layer of the network is ignored with a warning (AccDNN ignores it);
  // a misspelt name fails all the same, since the layer meant has no section.
  const auto w = warnings_of(slurp(kDir + "optim_kitti.conf") + "[conv10]\nCPF = 1\nKPF = 1\n");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1], "k.conf:56: layer 'conv10': no such layer in tiny-yolo-kitti-1280-relu-512 "
                  "(did you mean 'conv1', 'conv2' or 'conv3'?); section ignored");
  std::string misspelt = slurp(kDir + "optim_kitti.conf");
  misspelt.replace(misspelt.find("[conv9]"), 7, "[cnv9]");
  EXPECT_EQ(error_of(misspelt), "k.conf: layer 'conv9': stage 13 (conv) has no [conv9] section");
  // Duplicates: the second section / key is named with the first's line.
  EXPECT_EQ(error_of(slurp(kDir + "optim_kitti.conf") + "[pool1]\nKPF = 4\n"),
            "k.conf:56: layer 'pool1': duplicate section (first at line 5)");
  EXPECT_EQ(error_of(kitti_with(3, "KPF = 8\nkpf = 4")),
            "k.conf:4: layer 'conv1': duplicate key kpf (first at line 3)");
  EXPECT_EQ(error_of(kitti_with(3, "KFP = 8")),
            "k.conf:3: layer 'conv1': unknown key 'KFP', expected CPF, KPF or DMA_DELAY (did you "
            "mean 'kpf'?)\nk.conf:1: layer 'conv1': missing KPF");
  EXPECT_EQ(error_of(kitti_with(2, "")), "k.conf:1: layer 'conv1': missing CPF");
  EXPECT_EQ(error_of("CPF = 4\n" + slurp(kDir + "optim_kitti.conf")),
            "k.conf:1: 'CPF = 4' before any [layer] section");
  EXPECT_EQ(error_of(kitti_with(1, "[conv1")),
            "k.conf:1: '[conv1': expected a section header '[layer_name]'\nk.conf:2: 'CPF = 4' "
            "before any [layer] section\nk.conf:3: 'KPF = 8' before any [layer] section\n"
            "k.conf: layer 'conv1': stage 0 (conv) has no [conv1] section");
}

TEST(AccDnnOptim, CommentsCaseAndColonsAreConfigParsers) {
  // ConfigParser syntax AccDNN's own files could use: comments, "key: value", lower-case keys,
  // an inline " ;" comment, CRLF line ends.
  std::string text = "# tiny-yolo\r\n; generated\r\n" + slurp(kDir + "optim_kitti.conf");
  text.replace(text.find("CPF = 4\nKPF = 8"), 15, "cpf: 4\r\nKpf = 8 ; widest");
  const Net n = load("tiny-yolo-kitti-1280-relu-512.prototxt");
  auto d = accdnn_optim_to_design(text, n.workload, n.network, "k.conf");
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->pipeline.stages[0].cpf, 4);
  EXPECT_EQ(d->pipeline.stages[0].kpf, 8);
}

TEST(AccDnnOptim, FormatIsToldByExtensionOrContent) {
  EXPECT_TRUE(looks_like_accdnn_optim("a/optim.conf", "{}"));
  EXPECT_TRUE(looks_like_accdnn_optim("a/optim.INI", ""));
  EXPECT_TRUE(looks_like_accdnn_optim("design.txt", "# c\n\n[conv1]\nCPF = 1\n"));
  EXPECT_FALSE(looks_like_accdnn_optim("design.json", "{\"split_point\": 0}"));
  EXPECT_FALSE(looks_like_accdnn_optim("design", "[1, 2]"));
  EXPECT_FALSE(looks_like_accdnn_optim("design", "[\"a\"]"));
}

}  // namespace
}  // namespace dnne
