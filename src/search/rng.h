// A small deterministic random stream per particle, so that the search's answer depends on
// the seed alone and never on how particles are spread over threads.
//
// SplitMix64 (G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): state += golden gamma, then a 64-bit finaliser. Written from the
// paper's description; std::uniform_real_distribution is avoided on purpose because its
// output differs between standard libraries.
#pragma once

#include <cstdint>

namespace dnne {

class SplitMix64 {
 public:
  // One independent stream per (seed, stream index): the index is mixed into the start state.
  SplitMix64(uint64_t seed, uint64_t stream) : state_(mix(seed ^ mix(stream + 0x51ed27a1u))) {}

  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ull;  // 2^64 / golden ratio, the paper's gamma
    return mix(state_);
  }

  // Uniform in [0, 1) from the top 53 bits (a double's mantissa).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

}  // namespace dnne
