// The fuzz targets' entry functions, one per reader of untrusted input (docs/robustness.md).
// Each takes raw bytes, runs them through the same code the CLI runs, and returns normally
// when the input is accepted or refused with an Error. Anything else is a finding: a crash,
// a sanitizer report, an exception escaping (the CLI's "internal error"), or a broken
// invariant (a negative count, a non-finite figure), which calls std::abort().
//
// The libFuzzer targets in this folder call them; tests/fuzz/fuzz_regression_test.cpp
// replays every file under fuzz/regressions/TARGET/ through them in the normal test suite.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dnne::fuzz {

void onnx_model(const uint8_t* data, size_t size);      // ONNX ModelProto bytes
void caffe_prototxt(const uint8_t* data, size_t size);  // prototxt text
void design_json(const uint8_t* data, size_t size);     // a design file, against AlexNet
void device_json(const uint8_t* data, size_t size);     // a device file
void cli_args(const uint8_t* data, size_t size);        // explore's flags, one per line
void input_shape(const uint8_t* data, size_t size);     // --input CxHxW

struct Target {
  std::string name;  // folder name under fuzz/corpus and fuzz/regressions
  void (*run)(const uint8_t*, size_t);
};
const std::vector<Target>& targets();

}  // namespace dnne::fuzz
