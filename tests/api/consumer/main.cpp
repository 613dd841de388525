// Explores VGG16 on a KU115 through the installed library and prints its frames/s line.
#include <dnnexplorer/dnnexplorer.h>

#include <iostream>

int main() {
  auto net = dnnexplorer::load("vgg16");
  if (!net) return 2;
  auto report = dnnexplorer::explore(*net, {.device = "ku115"}, {.paradigm = "generic"});
  if (!report) {
    std::cerr << report.error().message << "\n";
    return 2;
  }
  std::cout << (report->feasible() ? "feasible\n" : "infeasible\n") << report->table();
  return 0;
}
