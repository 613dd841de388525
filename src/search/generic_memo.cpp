#include "search/generic_memo.h"

#include <bit>
#include <functional>
#include <limits>

namespace dnne {

GenericMemo::Key GenericMemo::key_of(int split_point, const model::Engine& e) {
  return {.split_point = split_point,
          .winograd_m = e.winograd_m,
          .bits = e.bits,
          .buffering = static_cast<int>(e.buffering),
          .p_in = e.p_in,
          .p_out = e.p_out,
          .p_out_independent = e.p_out_independent,
          .batch = e.batch,
          .input_capacity = e.input_capacity,
          .weight_capacity = e.weight_capacity,
          .output_blocks = e.output_blocks,
          .link_bytes_per_cycle = e.link_bytes_per_cycle};
}

size_t GenericMemo::Hash::operator()(const Key& k) const {
  // FNV-1a over the fields' values.
  uint64_t h = 1469598103934665603ull;
  const auto mix = [&](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  mix(static_cast<uint64_t>(k.split_point));
  mix(static_cast<uint64_t>(k.winograd_m) | static_cast<uint64_t>(k.bits) << 8 |
      static_cast<uint64_t>(k.buffering) << 16);
  mix(static_cast<uint64_t>(k.p_in));
  mix(static_cast<uint64_t>(k.p_out));
  mix(static_cast<uint64_t>(k.p_out_independent));
  mix(static_cast<uint64_t>(k.batch));
  mix(static_cast<uint64_t>(k.input_capacity));
  mix(static_cast<uint64_t>(k.weight_capacity));
  mix(static_cast<uint64_t>(k.output_blocks));
  mix(std::bit_cast<uint64_t>(k.link_bytes_per_cycle));
  return static_cast<size_t>(h ^ (h >> 32));
}

const GenericMemo::Entry* GenericMemo::find(const Key& key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

void GenericMemo::make_room() {
  if (entries_.size() >= kMaxEntries) entries_.clear();
}

void GenericMemo::remember_lower_bound(const Key& key, double lower_cycles) {
  const auto it = entries_.find(key);
  if (it != entries_.end()) {
    Entry& e = it->second;
    if (e.state == Entry::State::kLowerBound && lower_cycles > e.lower_cycles)
      e.lower_cycles = lower_cycles;
    return;
  }
  make_room();
  entries_.emplace(key, Entry{.state = Entry::State::kLowerBound,
                              .has_lower = true,
                              .lower_cycles = lower_cycles});
}

void GenericMemo::remember(const Key& key, const Entry& entry) {
  const auto it = entries_.find(key);
  if (it != entries_.end()) {
    it->second = entry;
    return;
  }
  make_room();
  entries_.emplace(key, entry);
}

double* GenericMemo::frame_compute_row(int64_t p_in, int64_t p_out, int winograd_m,
                                       int class_count) {
  // Lanes are at most a few million and the mode a small number: 28 bits, 28 bits and 8 bits.
  const uint64_t key = static_cast<uint64_t>(p_in) << 36 | static_cast<uint64_t>(p_out) << 8 |
                       static_cast<uint64_t>(winograd_m & 0xff);
  std::vector<double>& row = frame_compute_[key];
  if (row.size() != static_cast<size_t>(class_count))
    row.assign(static_cast<size_t>(class_count), std::numeric_limits<double>::quiet_NaN());
  return row.data();
}

double* GenericMemo::frame_compute_total(int split_point, int64_t p_in, int64_t p_out,
                                         int winograd_m) {
  // Split points below 2^16 (the point key's own limit, design_point.cpp), lanes below 2^20.
  const uint64_t key = static_cast<uint64_t>(split_point) << 48 |
                       static_cast<uint64_t>(p_in) << 28 | static_cast<uint64_t>(p_out) << 8 |
                       static_cast<uint64_t>(winograd_m & 0xff);
  const auto [it, inserted] =
      frame_compute_totals_.try_emplace(key, std::numeric_limits<double>::quiet_NaN());
  return &it->second;
}

const GenericFloor& GenericMemo::floor_for(const Workload& workload, int split_point,
                                           int precision_bits, const BurstCurve* burst,
                                           const StageClasses* classes) {
  const auto it = floors_.find(split_point);
  if (it != floors_.end()) return it->second;
  GenericFloor floor(workload, split_point, precision_bits, 1.0, burst, classes);
  if (floor_entries_ + floor.memory_entries() > kMaxFloorEntries) {
    floors_.clear();
    floor_entries_ = 0;
  }
  floor_entries_ += floor.memory_entries();
  return floors_.emplace(split_point, std::move(floor)).first->second;
}

}  // namespace dnne
