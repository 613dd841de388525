#include "importers/caffe_v1_upgrade.h"

#include <string_view>
#include <utility>

#include "util/expected.h"

namespace dnne {

std::string caffe_v1_type_name(caffe::V1LayerParameter::LayerType type) {
  using V1 = caffe::V1LayerParameter;
  // The V1 enum against the type strings that replaced it (Caffe PR #1694, 2015).
  static const std::pair<V1::LayerType, std::string_view> kTable[] = {
      {V1::ABSVAL, "AbsVal"},
      {V1::ACCURACY, "Accuracy"},
      {V1::ARGMAX, "ArgMax"},
      {V1::BNLL, "BNLL"},
      {V1::CONCAT, "Concat"},
      {V1::CONTRASTIVE_LOSS, "ContrastiveLoss"},
      {V1::CONVOLUTION, "Convolution"},
      {V1::DATA, "Data"},
      {V1::DECONVOLUTION, "Deconvolution"},
      {V1::DROPOUT, "Dropout"},
      {V1::DUMMY_DATA, "DummyData"},
      {V1::EUCLIDEAN_LOSS, "EuclideanLoss"},
      {V1::ELTWISE, "Eltwise"},
      {V1::EXP, "Exp"},
      {V1::FLATTEN, "Flatten"},
      {V1::HDF5_DATA, "HDF5Data"},
      {V1::HDF5_OUTPUT, "HDF5Output"},
      {V1::HINGE_LOSS, "HingeLoss"},
      {V1::IM2COL, "Im2col"},
      {V1::IMAGE_DATA, "ImageData"},
      {V1::INFOGAIN_LOSS, "InfogainLoss"},
      {V1::INNER_PRODUCT, "InnerProduct"},
      {V1::LRN, "LRN"},
      {V1::MEMORY_DATA, "MemoryData"},
      {V1::MULTINOMIAL_LOGISTIC_LOSS, "MultinomialLogisticLoss"},
      {V1::MVN, "MVN"},
      {V1::POOLING, "Pooling"},
      {V1::POWER, "Power"},
      {V1::RELU, "ReLU"},
      {V1::SIGMOID, "Sigmoid"},
      {V1::SIGMOID_CROSS_ENTROPY_LOSS, "SigmoidCrossEntropyLoss"},
      {V1::SILENCE, "Silence"},
      {V1::SOFTMAX, "Softmax"},
      {V1::SOFTMAX_LOSS, "SoftmaxWithLoss"},
      {V1::SPLIT, "Split"},
      {V1::SLICE, "Slice"},
      {V1::TANH, "TanH"},
      {V1::WINDOW_DATA, "WindowData"},
      {V1::THRESHOLD, "Threshold"},
  };
  for (const auto& [v1, name] : kTable)
    if (v1 == type) return std::string(name);
  return V1::LayerType_Name(type);
}

caffe::LayerParameter upgrade_v1_layer(const caffe::V1LayerParameter& v1) {
  if (v1.has_layer())
    throw InputError(
        "the V0 layer form (`layers { layer { ... } }`) is not supported; upgrade the file "
        "with Caffe's upgrade_net_proto_text");
  caffe::LayerParameter layer;
  layer.set_name(v1.name());
  layer.set_type(caffe_v1_type_name(v1.type()));
  *layer.mutable_bottom() = v1.bottom();
  *layer.mutable_top() = v1.top();
  *layer.mutable_include() = v1.include();
  *layer.mutable_exclude() = v1.exclude();
  // Every `*_param` block of the V1 message has a field of the same name and message type in
  // LayerParameter; copy them by reflection rather than one by one.
  const auto* from_desc = caffe::V1LayerParameter::descriptor();
  const auto* to_desc = caffe::LayerParameter::descriptor();
  const auto* from_refl = v1.GetReflection();
  const auto* to_refl = layer.GetReflection();
  for (int i = 0; i < from_desc->field_count(); ++i) {
    const auto* field = from_desc->field(i);
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE ||
        field->is_repeated() || !from_refl->HasField(v1, field))
      continue;
    const auto* target = to_desc->FindFieldByName(field->name());
    if (!target || target->message_type() != field->message_type()) continue;
    to_refl->MutableMessage(&layer, target)->CopyFrom(from_refl->GetMessage(v1, field));
  }
  return layer;
}

}  // namespace dnne
