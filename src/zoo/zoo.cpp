#include "zoo/zoo.h"

#include <cctype>
#include <functional>
#include <string>

#include "graph/network_builder.h"
#include "util/spellcheck.h"
#include "zoo/zoo_families.h"

namespace dnne {

namespace {
constexpr int kMinVggLike = 13;
constexpr int kMaxVggLike = 64;
const Shape kImageNet = {3, 224, 224};

using Family = std::function<void(NetworkBuilder&, const Shape&)>;

struct Definition {
  ZooEntry entry;
  Family build;
};

const std::vector<Definition>& definitions() {
  using namespace zoo;
  static const std::vector<Definition> kDefinitions = {
      {{"alexnet", "AlexNet (torchvision), 5 conv + 3 FC", kImageNet}, build_alexnet},
      {{"zfnet", "ZFNet (Zeiler & Fergus 2014), 5 conv + 3 FC", kImageNet}, build_zfnet},
      {{"vgg16", "VGG-16, 13 conv + 3 FC", kImageNet},
       [](NetworkBuilder& b, const Shape& in) { build_vgg(b, in, {2, 2, 3, 3, 3}); }},
      {{"vgg19", "VGG-19, 16 conv + 3 FC", kImageNet},
       [](NetworkBuilder& b, const Shape& in) { build_vgg(b, in, {2, 2, 4, 4, 4}); }},
      {{"resnet18", "ResNet-18 (torchvision), basic blocks", kImageNet},
       [](NetworkBuilder& b, const Shape& in) { build_resnet(b, in, 18); }},
      {{"resnet34", "ResNet-34 (torchvision), basic blocks", kImageNet},
       [](NetworkBuilder& b, const Shape& in) { build_resnet(b, in, 34); }},
      {{"resnet50", "ResNet-50 (torchvision), bottleneck blocks", kImageNet},
       [](NetworkBuilder& b, const Shape& in) { build_resnet(b, in, 50); }},
      {{"mobilenet_v1", "MobileNet v1 (Howard et al. 2017), depthwise separable", kImageNet},
       build_mobilenet_v1},
      {{"mobilenet_v2", "MobileNet v2 (torchvision), inverted residuals", kImageNet},
       build_mobilenet_v2},
      {{"squeezenet1_1", "SqueezeNet 1.1 (torchvision), Fire modules with concat", kImageNet},
       build_squeezenet1_1},
      {{"yolov2_tiny", "YOLOv2-tiny (Darknet cfg, COCO head), 9 conv", {3, 416, 416}},
       build_yolov2_tiny},
  };
  return kDefinitions;
}

const ZooEntry kVggLikeEntry = {
    "vgglike_N",
    "VGG-16's five blocks with N 3x3 convs spread evenly (13 <= N <= 64; vgglike_13 = vgg16)",
    kImageNet};

// Zoo names are matched case-insensitively, like device names ("VGG16" is vgg16).
std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "vgglike_38" -> 38; -1 when the name is not of that form.
int vgglike_depth(const std::string& name) {
  const std::string prefix = "vgglike_";
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) return -1;
  int depth = 0;
  for (size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || depth > 1000) return -1;
    depth = depth * 10 + (name[i] - '0');
  }
  return depth;
}
}  // namespace

const std::vector<ZooEntry>& zoo_entries() {
  static const std::vector<ZooEntry> kEntries = [] {
    std::vector<ZooEntry> entries;
    for (const auto& d : definitions()) entries.push_back(d.entry);
    entries.push_back(kVggLikeEntry);
    return entries;
  }();
  return kEntries;
}

std::vector<std::string> zoo_names() {
  std::vector<std::string> names;
  for (const auto& d : definitions()) names.push_back(d.entry.name);
  for (int n = kMinVggLike; n <= kMaxVggLike; ++n) names.push_back("vgglike_" + std::to_string(n));
  return names;
}

bool is_zoo_name(const std::string& given) {
  const std::string name = lowercase(given);
  for (const auto& d : definitions())
    if (d.entry.name == name) return true;
  const int depth = vgglike_depth(name);
  return depth >= kMinVggLike && depth <= kMaxVggLike;
}

Expected<Network> build_zoo_network(const std::string& given, const std::optional<Shape>& input) {
  // The network carries the canonical (lower-case) name, whatever case the user typed.
  const std::string name = lowercase(given);
  Family family;
  Shape shape = kImageNet;
  for (const auto& d : definitions()) {
    if (d.entry.name == name) {
      family = d.build;
      shape = d.entry.default_input;
    }
  }
  if (!family) {
    const int depth = vgglike_depth(name);
    if (depth >= 0 && (depth < kMinVggLike || depth > kMaxVggLike))
      return Error{"model '" + name + "': vgglike_N takes N from " + std::to_string(kMinVggLike) +
                   " to " + std::to_string(kMaxVggLike) + ", got " + std::to_string(depth)};
    if (depth < 0) {
      std::vector<std::string> candidates;
      for (const auto& d : definitions()) candidates.push_back(d.entry.name);
      candidates.push_back("vgglike_13");
      candidates.push_back("vgglike_38");
      return Error{"unknown model '" + given + "'" + did_you_mean(name, candidates) +
                   "; 'dnnexplorer models' lists the zoo, or give a path to a .onnx or "
                   ".prototxt file"};
    }
    family = [depth](NetworkBuilder& b, const Shape& in) {
      zoo::build_vgg(b, in, zoo::vgglike_blocks(depth));
    };
  }
  if (input) shape = *input;
  if (shape.size() != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1)
    return Error{"model '" + name + "': input must be CxHxW with positive sizes, got '" +
                 to_string(shape) + "'"};
  const std::string where = "model '" + name + "' at input " + to_string(shape) + ": ";
  NetworkBuilder builder(name);
  try {
    family(builder, shape);
  } catch (const InputError& e) {
    return Error{where + e.what() + " (the input is too small for this network's downsampling)"};
  }
  try {
    return builder.build();
  } catch (const InputError& e) {  // a count past 2^53: the input is too large
    return Error{where + e.what()};
  }
}

}  // namespace dnne
