// End-to-end `dnnexplorer analyze FILE.onnx` runs: JSON totals, flags, and the one-line
// errors (exit 2) for every kind of bad file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "onnx_test_models.h"
#include "scratch_dir.h"

namespace dnne {
namespace {

using testing::set_int;
using testing::TinyModel;

#define FIXTURE(name) DNNE_SOURCE_DIR "/tests/fixtures/onnx/" name

std::string temp_file(const std::string& name, const std::string& content) {
  const auto dir = test::scratch_dir("onnx_cli");
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

void expect_error(const std::string& args, const std::string& message) {
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.status, 2) << args;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "dnnexplorer: error: " + message + "\n");
}

TEST(OnnxCli, Resnet18Json) {
  const CliResult r = run_cli("analyze " FIXTURE("resnet18.onnx") " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "resnet18");
  EXPECT_EQ(j["input"], (std::vector<int>{3, 224, 224}));
  // conv1: 64 x 112 x 112 outputs, 3 x 7 x 7 each (PyTorch's hook count for the fixture).
  const auto& conv1 = j["layers"][1];
  EXPECT_EQ(conv1["kind"], "conv");
  EXPECT_EQ(conv1["op"], "Conv");
  EXPECT_EQ(conv1["output"], (std::vector<int>{64, 112, 112}));
  EXPECT_EQ(conv1["macs"], int64_t{64} * 112 * 112 * 3 * 49);
  EXPECT_EQ(conv1["fused"], (std::vector<std::string>{"Relu"}));
  EXPECT_EQ(j["totals"]["fc_macs"], 512 * 1000);
  EXPECT_TRUE(j["unknown_ops"].empty());
}

TEST(OnnxCli, DynamicBatchWithBatchFlagAndInputOverride) {
  const CliResult r =
      run_cli("analyze " FIXTURE("resnet18_dynbatch.onnx") " --batch 3 --input 3x128x96 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"], (std::vector<int>{3, 128, 96}));
  EXPECT_EQ(j["layers"][1]["output"], (std::vector<int>{64, 64, 48}));
}

TEST(OnnxCli, AllowUnknownListsTheNodeInTheReport) {
  TinyModel m(13);
  m.input("x", {int64_t{1}, int64_t{4}, int64_t{8}, int64_t{8}}).ints("k", {2}).output("y");
  set_int(m.node("TopK", {"x", "k"}, {"y", "i"}, "topk"), "axis", -1);
  const std::string path = m.save("cli_topk");
  expect_error("analyze " + path,
               path +
                   ": node 'topk' (TopK, opset 13): operator not supported by DNNExplorer; "
                   "pass --allow-unknown to import it as a zero-cost layer");
  const CliResult r = run_cli("analyze " + path + " --allow-unknown");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("unknown ops    2 layer(s) costed as zero: topk (TopK) topk:1 (TopK)"),
            std::string::npos)
      << r.out;
}

TEST(OnnxCli, MissingFile) {
  expect_error("analyze /nonexistent/model.onnx",
               "/nonexistent/model.onnx: no such file");
}

TEST(OnnxCli, EmptyFile) {
  const std::string path = temp_file("empty.onnx", "");
  expect_error("analyze " + path, path + ": the file is empty, expected an ONNX model file");
}

TEST(OnnxCli, TruncatedFile) {
  std::ifstream in(FIXTURE("resnet18.onnx"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string path = temp_file("truncated.onnx", bytes.substr(0, bytes.size() / 2));
  expect_error("analyze " + path, path +
                                      ": cannot parse as an ONNX model (truncated, or not an "
                                      "ONNX protobuf file)");
}

TEST(OnnxCli, NotOnnx) {
  const std::string path = temp_file("text.onnx", "name: \"VGG\"\nlayer { type: \"Conv\" }\n");
  expect_error("analyze " + path, path +
                                      ": cannot parse as an ONNX model (truncated, or not an "
                                      "ONNX protobuf file)");
}

TEST(OnnxCli, WrongExtension) {
  const std::string path = temp_file("resnet18.onnx.bak", "");
  expect_error("analyze " + path,
               path + ": not a zoo name, and the extension is not .onnx or .prototxt");
}

TEST(OnnxCli, CyclicGraph) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}}).output("y");
  m.node("Add", {"x", "b"}, {"a"}, "first");
  m.node("Relu", {"a"}, {"b"}, "second");
  m.node("Relu", {"b"}, {"y"}, "third");
  const std::string path = m.save("cli_cycle");
  expect_error("analyze " + path, path + ": the graph has a cycle through node 'first' (Add)");
}

TEST(OnnxCli, InputNeverProduced) {
  TinyModel m;
  m.input("x", {int64_t{1}, int64_t{4}}).output("y");
  m.node("Add", {"x", "ghost"}, {"y"}, "add");
  const std::string path = m.save("cli_dangling");
  expect_error("analyze " + path, path +
                                      ": node 'add' (Add) reads tensor 'ghost', which no "
                                      "node, initializer or graph input produces");
}

}  // namespace
}  // namespace dnne
