// make_workload: stage layers, wiring, producers, fill columns and skip buffers.
#include <gtest/gtest.h>

#include "model/small_networks.h"
#include "zoo/zoo.h"

namespace dnne {
namespace {

TEST(Workload, WiringLayersAreNotStages) {
  const Network net = testnets::conv_pool_fc();
  const Workload w = make_workload(net);
  ASSERT_EQ(w.stages.size(), 3u);
  EXPECT_EQ(w.stages[0].kind, LayerKind::kConv);
  EXPECT_EQ(w.stages[1].kind, LayerKind::kPool);
  EXPECT_EQ(w.stages[2].kind, LayerKind::kFc);
  // The fc reads the pool through the flatten: producer resolved to stage 1, and it needs
  // all 2 of the pool's columns before it starts.
  EXPECT_EQ(w.stages[2].producer_stages, std::vector<int>{1});
  EXPECT_EQ(w.stages[2].producer_columns, std::vector<double>{2});
  EXPECT_EQ(w.stages[0].producer_stages, std::vector<int>{-1});
  EXPECT_EQ(w.stages[0].external_input_elements, 16);
  EXPECT_EQ(w.stages[1].consumer_stages, std::vector<int>{2});
  EXPECT_TRUE(w.stages[2].consumer_stages.empty());
  // Dense view: C = K = 8, M = N = 3, R = 1 row.
  EXPECT_EQ(w.stages[2].C, 8);
  EXPECT_EQ(w.stages[2].M, 3);
  EXPECT_EQ(w.stages[2].R, 1);
  EXPECT_EQ(w.total_macs, 2 * 16 * 9 + 24);
  EXPECT_EQ(w.stages[2].weight_elements, 27);
}

TEST(Workload, ConvViewAndDilation) {
  NetworkBuilder b("d");
  b.conv("c", b.input("in", {4, 10, 12}),
         {.out_channels = 6,
          .kernel_h = 3,
          .kernel_w = 3,
          .stride_h = 1,
          .stride_w = 2,
          .pad_top = 2,
          .pad_left = 2,
          .pad_bottom = 2,
          .pad_right = 2,
          .dilation_h = 2,
          .dilation_w = 2,
          .groups = 2});
  const Workload w = make_workload(b.build());
  const StageLayer& s = w.stages.at(0);
  EXPECT_EQ(s.C, 4);
  EXPECT_EQ(s.H, 10);
  EXPECT_EQ(s.W, 12);
  EXPECT_EQ(s.M, 6);
  EXPECT_EQ(s.R, 10);  // (10 + 4 - 5) / 1 + 1
  EXPECT_EQ(s.Q, 6);   // (12 + 4 - 5) / 2 + 1
  EXPECT_EQ(s.span_w, 5);
  EXPECT_EQ(s.groups, 2);
  EXPECT_EQ(s.producer_columns, std::vector<double>{7});  // span 5 + stride 2
}

TEST(Workload, ResidualJoinGetsASkipBuffer) {
  // x -> conv a (3x3) -> conv b (3x3) -> add(b, x): the identity branch waits while the
  // long branch fills. Counted in input columns (W = 8): x starts after 4 input columns
  // (Kw + S), a after 4 of x's (8), b after 4 of a's (12); the add needs one column of each:
  // b's first arrives at 13, x's at 5, so x's columns wait 8 columns:
  // 8 columns x 4 channels x 8 rows = 256 elements.
  NetworkBuilder b("res");
  LayerId x = b.conv("x", b.input("in", {4, 8, 8}), testnets::conv3x3(4));
  LayerId a = b.conv("a", x, testnets::conv3x3(4));
  LayerId c = b.conv("b", a, testnets::conv3x3(4));
  b.eltwise("add", "Add", {c, x});
  const Workload w = make_workload(b.build());
  ASSERT_EQ(w.stages.size(), 4u);
  EXPECT_EQ(w.stages[3].producer_stages, (std::vector<int>{2, 0}));
  EXPECT_EQ(w.stages[3].skip_elements, 8 * 4 * 8);
  EXPECT_EQ(w.stages[3].C, 8);  // summed operand channels
  EXPECT_EQ(w.stages[0].consumer_stages, (std::vector<int>{1, 3}));
}

TEST(Workload, ZooNetworksBuild) {
  for (const char* name : {"vgg16", "resnet50", "mobilenet_v2", "squeezenet1_1", "yolov2_tiny"}) {
    auto net = build_zoo_network(name);
    ASSERT_TRUE(net.ok()) << name;
    const Workload w = make_workload(*net);
    EXPECT_EQ(w.total_macs, net->totals().macs) << name;
    for (const StageLayer& s : w.stages) {
      EXPECT_EQ(s.producer_columns.size(), s.producer_stages.size());
      for (int p : s.producer_stages) EXPECT_LT(p, static_cast<int>(&s - w.stages.data()));
    }
  }
  auto vgg = build_zoo_network("vgg16");
  EXPECT_EQ(make_workload(*vgg).stages.size(), 21u);  // 13 conv + 5 pool + 3 fc
}

}  // namespace
}  // namespace dnne
