// One libFuzzer target; CMake compiles it once per entry with DNNE_FUZZ_ENTRY set to the
// function's name (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dnne::fuzz::DNNE_FUZZ_ENTRY(data, size);
  return 0;
}
