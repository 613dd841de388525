// AccDNN's example networks (tests/fixtures/accdnn, copied from IBM/AccDNN) loaded with their
// workload, for the tests that check our reader and our baseline against AccDNN's own files.
#pragma once

#include <stdexcept>
#include <string>

#include "importers/model_loader.h"
#include "model/workload.h"

namespace dnne::testing {

inline const std::string kAccDnnDir = std::string(DNNE_SOURCE_DIR) + "/tests/fixtures/accdnn/";

struct AccDnnNet {
  Network network;
  Workload workload;
};

// Loads tests/fixtures/accdnn/PROTOTXT; throws with the loader's message if it fails.
inline AccDnnNet load_accdnn_net(const std::string& prototxt) {
  auto network = load_model(kAccDnnDir + prototxt);
  if (!network) throw std::runtime_error(network.error().message);
  AccDnnNet n{.network = *network, .workload = {}};
  n.workload = make_workload(n.network);
  return n;
}

}  // namespace dnne::testing
