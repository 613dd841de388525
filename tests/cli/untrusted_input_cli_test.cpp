// Untrusted files end to end (issue 14, docs/robustness.md): each case once crashed, hung,
// used unbounded memory, overflowed or printed an unbounded line. Every one is now exit 2
// with a bounded message naming the file.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "util/message_text.h"
#include "scratch_dir.h"

namespace dnne {
namespace {

std::string scratch(const std::string& name) {
  const auto dir = test::scratch_dir("untrusted");
  return (dir / name).string();
}

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = scratch(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Exit 2, nothing on stdout, one bounded line on stderr that contains `part`.
void expect_bounded_error(const std::string& args, const std::string& part) {
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.status, 2) << args << "\n" << r.err.substr(0, 400);
  EXPECT_EQ(r.out, "") << args;
  EXPECT_NE(r.err.find(part), std::string::npos) << args << "\n" << r.err.substr(0, 400);
  EXPECT_LE(r.err.size(), kMaxMessageLineBytes + 40) << args;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": more than one line";
}

const char* kNet = R"(name: "n"
input: "data"
input_shape { dim: 1 dim: 3 dim: 8 dim: 8 }
)";

std::string conv_named(const std::string& name) {
  return std::string(kNet) + "layer { name: \"" + name +
         "\" type: \"Convolution\" bottom: \"data\" top: \"c\" convolution_param { "
         "num_output: 4 kernel_size: 3 } }\n";
}

// A FIFO with no writer hung the tool (the open blocked); /dev/zero read forever.
TEST(UntrustedInputCli, SpecialFilesAreRefused) {
  const std::string fifo = scratch("model.prototxt");
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expect_bounded_error("analyze " + fifo, fifo + ": is a FIFO, expected a Caffe .prototxt file");
  expect_bounded_error("explore alexnet --quiet --device " + fifo, ": is a FIFO, expected");
  expect_bounded_error("bench alexnet --device zc706 --design " + fifo,
                       ": is a FIFO, expected a design file (JSON, or AccDNN's optim.conf)");
  const std::string onnx_fifo = scratch("model.onnx");
  std::filesystem::remove(onnx_fifo);
  ASSERT_EQ(mkfifo(onnx_fifo.c_str(), 0600), 0);
  expect_bounded_error("analyze " + onnx_fifo, ": is a FIFO, expected an ONNX model file");
  expect_bounded_error("bench alexnet --device zc706 --design /dev/zero",
                       "/dev/zero: is a character device");
}

// A 3 GB (sparse) prototxt was read into memory whole.
TEST(UntrustedInputCli, OversizedFilesAreRefusedUnread) {
  const std::string big = write_file("big.prototxt", "x");
  std::filesystem::resize_file(big, uint64_t{3} << 30);
  expect_bounded_error("analyze " + big, "3221225472 bytes exceeds the 67108864-byte limit");
  std::filesystem::remove(big);
}

// std::regex overflowed the stack on a long unknown identifier; the message echoed it whole.
TEST(UntrustedInputCli, LongUnknownIdentifierInPrototxt) {
  const std::string path = write_file(
      "long_field.prototxt",
      std::string(kNet) + "layer { name: \"c\" type: \"ReLU\" bottom: \"data\" top: \"data\" " +
          std::string(300'000, 'q') + ": 1 }\n");
  expect_bounded_error("analyze " + path, "has no field named");
  expect_bounded_error("analyze " + path + " --allow-unknown", "...");
  const std::string value =
      write_file("long_value.prototxt",
                 std::string(kNet) +
                     "layer { name: \"c\" type: \"Pooling\" bottom: \"data\" top: \"p\" "
                     "pooling_param { pool: " +
                     std::string(300'000, 'Z') + " } }\n");
  expect_bounded_error("analyze " + value, "Unknown enumeration value");
}

// A layer name that is not UTF-8 made every --json view end in "internal error".
TEST(UntrustedInputCli, LayerNamesMustBeUtf8) {
  const std::string path = write_file("latin1.prototxt", conv_named("conv\xE9"));
  expect_bounded_error("analyze " + path + " --json", "name is not valid UTF-8");
  const std::string control = write_file("control.prototxt", conv_named("conv\\033[2J"));
  expect_bounded_error("analyze " + control + " --json", "name contains a control character");
  const std::string longest = write_file("long_name.prototxt", conv_named(std::string(5000, 'n')));
  expect_bounded_error("analyze " + longest, "name of 5000 bytes, expected at most 1024");
  // A valid non-ASCII name is fine and reaches the JSON as is.
  const std::string ok = write_file("utf8.prototxt", conv_named("conv_\xC3\xA9t\xC3\xA9"));
  const CliResult r = run_cli("analyze " + ok + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["layers"][1]["name"], "conv_\xC3\xA9t\xC3\xA9");
}

// 1e999 in a design or device file ended in "internal error" (nlohmann's out_of_range).
TEST(UntrustedInputCli, NumbersBeyondDoubleRange) {
  const std::string design = write_file("huge.json", R"({"split_point": 1e999})");
  expect_bounded_error("bench alexnet --device zc706 --design " + design,
                       design + ": invalid JSON: number overflow parsing '1e999'");
  const std::string device = write_file("huge_device.json", R"({"name": "x", "dsp": -1e400})");
  expect_bounded_error("explore alexnet --quiet --device " + device, "number overflow");
  // 2^64-1 is kept as unsigned by nlohmann and wrapped to -1 by get<int64_t>.
  const std::string wrap = write_file("wrap.json", R"({"split_point": 18446744073709551615})");
  expect_bounded_error("bench alexnet --device zc706 --design " + wrap,
                       "split_point 18446744073709551615 must be <= 9223372036854775807");
}

// Deep nesting is refused at parse time rather than recursed through.
TEST(UntrustedInputCli, JsonNestingIsBounded) {
  const std::string deep =
      write_file("deep.json", std::string(100'000, '[') + std::string(100'000, ']'));
  expect_bounded_error("bench alexnet --device zc706 --design " + deep,
                       "JSON nested deeper than 64 levels");
}

// A design file with many wrong keys printed one line per problem without limit.
TEST(UntrustedInputCli, ManyProblemsAreCapped) {
  std::string text = "{";
  for (int i = 0; i < 500; ++i) text += "\"k" + std::to_string(i) + "\": 1, ";
  text += "\"split_point\": 0}";
  const std::string path = write_file("many.json", text);
  const CliResult r = run_cli("bench alexnet --device zc706 --design " + path);
  EXPECT_EQ(r.status, 2);
  size_t lines = 0;
  for (char c : r.err) lines += c == '\n';
  EXPECT_EQ(lines, kMaxMessageLines + 1) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("more lines left out)\n"), std::string::npos);
}

// Caffe refuses two layers writing one top unless in place; we accepted it with exit 0.
TEST(UntrustedInputCli, CaffeTopWrittenTwice) {
  const std::string path =
      write_file("two_writers.prototxt",
                 std::string(kNet) +
                     "layer { name: \"a\" type: \"ReLU\" bottom: \"data\" top: \"t\" }\n"
                     "layer { name: \"b\" type: \"Sigmoid\" bottom: \"data\" top: \"t\" }\n");
  expect_bounded_error("analyze " + path,
                       "layer b: top blob 't' is already produced by another layer");
  // In place is Caffe's normal form and stays accepted.
  const std::string in_place = write_file(
      "in_place.prototxt",
      conv_named("c") + "layer { name: \"r\" type: \"ReLU\" bottom: \"c\" top: \"c\" }\n");
  EXPECT_EQ(run_cli("analyze " + in_place).status, 0);
}

// A network whose total count passes 2^53 (each layer under it) printed overflowing totals.
TEST(UntrustedInputCli, NetworkTotalsAreBounded) {
  const std::string path = write_file("totals.prototxt", R"(name: "n"
input: "data"
input_shape { dim: 1 dim: 1048576 dim: 1 dim: 1 }
layer { name: "fc1" type: "InnerProduct" bottom: "data" top: "fc1" inner_product_param { num_output: 4294967295 } }
layer { name: "fc2" type: "InnerProduct" bottom: "fc1" top: "fc2" inner_product_param { num_output: 1048576 } }
)");
  expect_bounded_error("analyze " + path, "network parameters exceed 2^53 by layer fc2");
}

// Window values narrowed to int: a pad of 2^32 + 1 became 1.
TEST(UntrustedInputCli, CaffeWindowValuesAreRangeChecked) {
  const std::string path = write_file(
      "pad.prototxt", std::string(kNet) +
                          "layer { name: \"c\" type: \"Convolution\" bottom: \"data\" top: "
                          "\"c\" convolution_param { num_output: 4 kernel_size: 3 pad: "
                          "2147483649 } }\n");
  expect_bounded_error("analyze " + path, "layer c: pad 2147483649 is outside [0, 1048576]");
}

// --max-latency-ms 0 was accepted and ignored; --out was checked only after the search.
TEST(UntrustedInputCli, SearchFlagsCheckedBeforeTheSearch) {
  expect_bounded_error("explore alexnet --device zc706 --quiet --max-latency-ms 0",
                       "expected a positive number of milliseconds");
  const std::string file = write_file("not_a_dir", "x");
  expect_bounded_error("explore alexnet --device zc706 --quiet --out " + file + "/sub",
                       "exists and is not a directory");
  expect_bounded_error("compare alexnet --device zc706 --quiet --out " + file,
                       "exists and is not a directory");
}

}  // namespace
}  // namespace dnne
