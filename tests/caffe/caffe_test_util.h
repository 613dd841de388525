// Helpers for the Caffe importer tests: import prototxt text held in the test itself.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "graph/network.h"
#include "importers/caffe_importer.h"

namespace dnne::caffe_test {

// Imports `text` labelled "test.prototxt"; a failure is reported and yields an empty network.
inline Network import_ok(const std::string& text, const LoadOptions& options = {}) {
  auto network = import_caffe_text(text, "test.prototxt", options);
  EXPECT_TRUE(network.ok()) << network.error().message;
  return network.ok() ? std::move(network).value() : Network();
}

// The error message of an import that must fail.
inline std::string import_error(const std::string& text, const LoadOptions& options = {}) {
  auto network = import_caffe_text(text, "test.prototxt", options);
  EXPECT_FALSE(network.ok()) << "import unexpectedly succeeded";
  return network.ok() ? "" : network.error().message;
}

// The layer named `name`; fails the test (and returns the first layer) when absent.
inline const Layer& layer_named(const Network& network, const std::string& name) {
  for (const Layer& layer : network.layers())
    if (layer.name == name) return layer;
  ADD_FAILURE() << "no layer named " << name;
  static const Layer kMissing;
  return kMissing;
}

// `input: "data"` with a four-number input_dim (batch 1), the usual deploy header.
inline std::string header(int c, int h, int w) {
  return "input: \"data\"\ninput_dim: 1\ninput_dim: " + std::to_string(c) +
         "\ninput_dim: " + std::to_string(h) + "\ninput_dim: " + std::to_string(w) + "\n";
}

}  // namespace dnne::caffe_test
