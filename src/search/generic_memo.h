// What the search already knows about the generic part's cost on one engine: the same
// (split point, engine) comes back again and again, across the balancing steps of a point,
// the particles and iterations of the swarm and the polish, each time only to lose against
// a different design (docs/search.md 3). The memo keeps, per (split point, engine), either
// the part's summed cycles and bytes, or that some layer does not fit, or a lower bound on
// its cycles from an evaluation stopped early, so the next time is a look-up.
//
// Exact: an entry holds only what GenericByClass worked out from the model, and a look-up
// answers only what that evaluation would answer again (generic_by_class.h). One memo serves
// one search (one workload, precision and DRAM burst curve) and one thread; it holds at most
// kMaxEntries entries and starts afresh when full, so its memory is bounded (about 20 MB),
// and likewise its floors per split point (kMaxFloorEntries entries of 128 bytes, 8 MB).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "model/generic_layer.h"
#include "search/generic_bound.h"

namespace dnne {

class GenericMemo {
 public:
  struct Key {
    int split_point = 0;
    int winograd_m = 0;
    int bits = 0;
    int buffering = 0;
    int64_t p_in = 0, p_out = 0, p_out_independent = 0, batch = 0;
    int64_t input_capacity = 0, weight_capacity = 0, output_blocks = 0;
    double link_bytes_per_cycle = 0;
    bool operator==(const Key&) const = default;
  };
  static Key key_of(int split_point, const model::Engine& engine);

  struct Entry {
    enum class State {
      kLowerBound,  // stopped early: the part takes at least `lower_cycles`
      kFits,        // every layer fits: `cycles` and `bytes` are the part's sums
      kDoesNotFit,  // some layer does not fit; `lower_cycles` (when `has_lower`) was the
                    // bound of the layers costed before it
    };
    State state = State::kLowerBound;
    bool has_lower = false;
    double lower_cycles = 0;
    int64_t cycles = 0;
    double bytes = 0;
  };

  static constexpr size_t kMaxEntries = size_t{1} << 17;

  const Entry* find(const Key& key) const;
  // Keeps the larger bound when one is known already (never overwrites a complete entry).
  void remember_lower_bound(const Key& key, double lower_cycles);
  void remember(const Key& key, const Entry& entry);
  size_t size() const { return entries_.size(); }

  // The row of per-class compute floors of one frame for a p_in x p_out engine in Winograd
  // mode `winograd_m` (GenericFloor::cycles), `class_count` long, NaN where not yet known.
  // Valid until the next call.
  double* frame_compute_row(int64_t p_in, int64_t p_out, int winograd_m, int class_count);
  // GenericFloor::frame_compute_total of the part from `split_point` for that shape and mode:
  // NaN until worked out. Valid until the next call.
  double* frame_compute_total(int split_point, int64_t p_in, int64_t p_out, int winograd_m);

  // The generic floor of the part from `split_point` (GenericFloor, with `classes`) on a link
  // of one byte per cycle, worked out once per split point: set_link a copy for a budget. The
  // store holds at most kMaxFloorEntries floor entries and starts afresh when full.
  const GenericFloor& floor_for(const Workload& workload, int split_point, int precision_bits,
                                const BurstCurve* burst, const StageClasses* classes);
  static constexpr size_t kMaxFloorEntries = size_t{1} << 16;

 private:
  struct Hash {
    size_t operator()(const Key& k) const;
  };
  void make_room();
  std::unordered_map<Key, Entry, Hash> entries_;
  // Per (p_in, p_out, mode), a row of frame_compute_row; a few hundred shapes at most.
  std::unordered_map<uint64_t, std::vector<double>> frame_compute_;
  // Per (split point, p_in, p_out, mode): at most split points x shapes x modes.
  std::unordered_map<uint64_t, double> frame_compute_totals_;
  std::unordered_map<int, GenericFloor> floors_;  // by split point
  size_t floor_entries_ = 0;
};

}  // namespace dnne
