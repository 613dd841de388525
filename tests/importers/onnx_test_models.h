// Builds small ONNX models in memory with ONNX's own protobuf classes and saves them to a
// temporary file, for the importer's unit tests.
#pragma once

#include <onnx/onnx_pb.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>
#include "scratch_dir.h"

namespace dnne::testing {

// A dim is a number or a symbol ("batch", "height").
using Dim = std::variant<int64_t, std::string>;

class TinyModel {
 public:
  explicit TinyModel(int64_t opset = 13) {
    model_.set_ir_version(7);
    auto* op = model_.add_opset_import();
    op->set_domain("");
    op->set_version(opset);
    model_.mutable_graph()->set_name("tiny");
  }

  TinyModel& input(const std::string& name, const std::vector<Dim>& dims) {
    value_info(model_.mutable_graph()->add_input(), name, dims);
    return *this;
  }
  TinyModel& output(const std::string& name) {
    auto* out = model_.mutable_graph()->add_output();
    out->set_name(name);
    out->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    return *this;
  }
  // A float weight with dims only (no data), as the fixtures ship them.
  TinyModel& weight(const std::string& name, const std::vector<int64_t>& dims) {
    auto* t = model_.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) t->add_dims(d);
    return *this;
  }
  // An int64 initializer with values (Reshape targets, Slice bounds, axes).
  // `scalar` makes a rank-0 tensor of values[0].
  TinyModel& ints(const std::string& name, const std::vector<int64_t>& values,
                  bool scalar = false) {
    auto* t = model_.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    if (!scalar) t->add_dims(static_cast<int64_t>(values.size()));
    for (int64_t v : values) t->add_int64_data(v);
    return *this;
  }
  onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& ins,
                        const std::vector<std::string>& outs, const std::string& name = "") {
    auto* n = model_.mutable_graph()->add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? outs.at(0) : name);
    for (const auto& i : ins) n->add_input(i);
    for (const auto& o : outs) n->add_output(o);
    return *n;
  }

  onnx::ModelProto& proto() { return model_; }

  // Saves to a fresh file under the system temp dir and returns its path.
  std::string save(const std::string& stem) const {
    const auto dir = test::scratch_dir("onnx");
    const std::string path = (dir / (stem + ".onnx")).string();
    std::ofstream out(path, std::ios::binary);
    model_.SerializeToOstream(&out);
    return path;
  }

 private:
  static void value_info(onnx::ValueInfoProto* info, const std::string& name,
                         const std::vector<Dim>& dims) {
    info->set_name(name);
    auto* tensor = info->mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(onnx::TensorProto::FLOAT);
    auto* shape = tensor->mutable_shape();
    for (const auto& d : dims) {
      auto* dim = shape->add_dim();
      if (std::holds_alternative<int64_t>(d))
        dim->set_dim_value(std::get<int64_t>(d));
      else
        dim->set_dim_param(std::get<std::string>(d));
    }
  }

  onnx::ModelProto model_;
};

inline void set_ints(onnx::NodeProto& node, const std::string& name,
                     const std::vector<int64_t>& values) {
  auto* a = node.add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INTS);
  for (int64_t v : values) a->add_ints(v);
}
inline void set_int(onnx::NodeProto& node, const std::string& name, int64_t value) {
  auto* a = node.add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::INT);
  a->set_i(value);
}
inline void set_string(onnx::NodeProto& node, const std::string& name, const std::string& value) {
  auto* a = node.add_attribute();
  a->set_name(name);
  a->set_type(onnx::AttributeProto::STRING);
  a->set_s(value);
}

}  // namespace dnne::testing
