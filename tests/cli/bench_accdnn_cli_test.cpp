// `bench MODEL --design optim.conf`: AccDNN's own example configurations (tests/fixtures/accdnn)
// benchmarked end to end as pipeline-only designs, and a malformed file refused with exit 2.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace dnne {
namespace {

const std::string kDir = std::string(DNNE_SOURCE_DIR) + "/tests/fixtures/accdnn/";

nlohmann::json bench(const std::string& model, const std::string& conf, std::string* err = nullptr) {
  const CliResult r = run_cli("bench " + kDir + model + " --device ku115_accdnn --design " + kDir +
                              conf + " --json");
  EXPECT_EQ(r.status, 0) << r.err;
  if (err) *err = r.err;
  return nlohmann::json::parse(r.out);
}

TEST(BenchAccDnn, Vgg16ExampleBenchesWithTheFilesParallelism) {
  const auto j = bench("deploy_vgg16.prototxt", "optim_vgg16.conf");
  EXPECT_EQ(j["paradigm"], "pipeline");
  const auto& stages = j["design"]["pipeline"]["stages"];
  ASSERT_GE(stages.size(), 21u);
  EXPECT_EQ(stages[0]["layer"], "conv1_1");
  EXPECT_EQ(stages[0]["cpf"], 1);
  EXPECT_EQ(stages[0]["kpf"], 8);
  EXPECT_EQ(stages[1]["layer"], "conv1_2");
  EXPECT_EQ(stages[1]["cpf"], 16);
  EXPECT_EQ(stages[18]["layer"], "fc6");
  EXPECT_EQ(stages[18]["cpf"], 8);
  EXPECT_EQ(stages[18]["kpf"], 2);
  EXPECT_GT(j["metrics"]["throughput_fps"].get<double>(), 0);
  EXPECT_EQ(j["design"]["pipeline"]["batch"], 1);
}

TEST(BenchAccDnn, KittiExampleBenches) {
  // Its [pool6] names no layer of the network: ignored, as AccDNN ignores it.
  std::string err;
  const auto j = bench("tiny-yolo-kitti-1280-relu-512.prototxt", "optim_kitti.conf", &err);
  EXPECT_NE(err.find("dnnexplorer: warning: " + kDir +
                     "optim_kitti.conf:40: layer 'pool6': no such layer in"),
            std::string::npos)
      << err;
  const auto& stages = j["design"]["pipeline"]["stages"];
  ASSERT_EQ(stages.size(), 14u);  // 9 convs (BatchNorm, Scale, ReLU folded) and 5 poolings
  EXPECT_EQ(stages[0]["layer"], "conv1");
  EXPECT_EQ(stages[0]["cpf"], 4);
  EXPECT_EQ(stages[13]["layer"], "conv9");
  EXPECT_EQ(stages[13]["kpf"], 2);
  EXPECT_TRUE(j["feasible"].get<bool>());
}

TEST(BenchAccDnn, MalformedFileExitsTwoNamingLineAndLayer) {
  const std::string path = testing::TempDir() + "bad_optim.conf";
  {
    std::ofstream out(path);
    out << "[conv1]\nCPF = 4\nKPF = 8\n[pool1]\nKPF = 6\n";
  }
  const CliResult r = run_cli("bench " + kDir + "tiny-yolo-kitti-1280-relu-512.prototxt" +
                              " --device ku115 --design " + path);
  std::remove(path.c_str());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(path + ":5: layer 'pool1': KPF 6 must be a power of two"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("layer 'conv2': stage 2 (conv) has no [conv2] section"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace dnne
