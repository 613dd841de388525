#include "search/generic_allocator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "search/generic_bound.h"
#include "search/generic_by_class.h"
#include "search/part_score.h"

namespace dnne {

namespace {

// The model's own port rule (generic_part.cpp), asked of the model rather than copied: a
// copy that required twice the blocks once made designs that fit look infeasible.
int64_t port_blocks(int64_t lanes, int bits) {
  return generic_buffer_min_bram18(lanes, bits);
}

int64_t ceil_pow2(int64_t n) {
  int64_t p = 1;
  while (p < n) p *= 2;
  return p;
}

// The candidates of one engine shape and Winograd mode: each buffer split (in the order of
// buffer_shares) with each batch, enumerated split by split, batch by batch. Its splits are
// worked out when it first reaches the front of the queue (most shapes never do: their peak
// bound is below the best design found before them).
struct ShapeEntry {
  int p_in = 1, p_out = 1;
  int winograd_m = 0;
  double peak = 0;  // the peak-MAC bound of its candidates
  bool expanded = false;
  int first_split = 0, split_count = 0;  // once expanded: its buffer splits in `splits`
  int first_group = 0;                   // ... and its groups (one per batch) in `groups`
};

// The enumeration order of a candidate: its shape's position, then its split, then its batch
// (shape by shape, split by split, batch by batch), as one number.
uint64_t order_key(int shape, int split, int batch_position) {
  return static_cast<uint64_t>(shape) << 40 | static_cast<uint64_t>(split) << 20 |
         static_cast<uint64_t>(batch_position);
}

struct Split {
  int64_t input = 0, weight = 0, output = 0;  // BRAM18 blocks
};

// The candidates of one (shape, mode, batch), one floor and one bound for all its splits. Its
// bound starts as the shape's peak-MAC bound and is refined to the cycle floor
// (generic_bound.h) only when the group reaches the front of the queue: most groups fall below
// the best design before their floor is ever worked out.
struct FloorGroup {
  int shape = 0;
  int batch_position = 0, batch = 1;
  double peak = 0;  // the peak-MAC bound
  double bound = 0;
  // What `bound` is: the peak bound, the quick floor (GenericFloor::quick_cycles), or final
  // (the full floor; the peak itself when the floor is not used).
  enum class Stage { kPeak, kQuick, kFinal } stage = Stage::kPeak;
  int taken = 0;         // its splits already handed out
  int floors_at = -1;    // once refined: its per-entry floors in the allocator's store
};

// Queue order: the higher bound first, then the candidate enumerated first: the order of a
// stable sort of all candidates by their refined bounds (docs/search.md 3). A shape not yet
// expanded stands in the queue for its groups, at their bound (its peak) and its first
// candidate's order, so it comes out just before them.
struct QueueEntry {
  double bound = 0;
  uint64_t first = 0;  // order_key of the group's next candidate
  int group = 0;       // a group, or -1 - shape for a shape not yet expanded
};
// A function object rather than a function, so that the heap operations inline it.
struct After {
  bool operator()(const QueueEntry& a, const QueueEntry& b) const {
    return a.bound < b.bound || (a.bound == b.bound && a.first > b.first);
  }
};
constexpr After after;

}  // namespace

const std::vector<BufferShares>& buffer_shares() {
  static const std::vector<BufferShares> shares = {
      {.input = 0.4, .weight = 0.4, .output = 0.2},
      {.input = 0.25, .weight = 0.5, .output = 0.25},
      {.input = 0.5, .weight = 0.25, .output = 0.25},
      {.input = 0.2, .weight = 0.6, .output = 0.2},
      {.input = 0.6, .weight = 0.2, .output = 0.2},
  };
  return shares;
}

namespace {

// engine_shapes' shapes in `promising`, and the ones its fill rule leaves out in `rest` (both
// sorted): the allocator's two tiers from one enumeration.
void shape_tiers(int64_t lanes, int64_t max_c, int64_t max_m, int min_fill,
                 std::vector<std::pair<int, int>>& promising,
                 std::vector<std::pair<int, int>>& rest) {
  promising.clear();
  rest.clear();
  std::vector<std::pair<int, int>>& all = rest;  // filtered in place below
  const int64_t c_cap = ceil_pow2(std::max<int64_t>(1, max_c));
  const int64_t m_cap = ceil_pow2(std::max<int64_t>(1, max_m));
  for (int64_t p_in = 1; p_in <= std::min(lanes, c_cap); p_in *= 2) {
    const int64_t room = std::min(lanes / p_in, m_cap);
    for (int64_t p_out = 1; p_out <= room; p_out *= 2)
      all.push_back({static_cast<int>(p_in), static_cast<int>(p_out)});
    const int64_t fill = room >= 8 ? room / 8 * 8 : room;
    if (fill >= 1) all.push_back({static_cast<int>(p_in), static_cast<int>(fill)});
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  // The fill is measured against the largest engine the layers can use, not the device's
  // lanes: layers of 16 channels never use more than 16 x 16 lanes, and measuring against
  // the device left no shape at all (a false "infeasible" on large devices).
  int64_t usable = 1;
  for (const auto& [p_in, p_out] : all) usable = std::max<int64_t>(usable, int64_t{p_in} * p_out);
  size_t kept = 0;
  for (const auto& shape : all) {
    if (min_fill <= 0 || int64_t{shape.first} * shape.second * min_fill >= usable)
      promising.push_back(shape);
    else
      all[kept++] = shape;
  }
  all.resize(kept);
}

}  // namespace

std::vector<std::pair<int, int>> engine_shapes(int64_t lanes, int64_t max_c, int64_t max_m,
                                               int min_fill) {
  std::vector<std::pair<int, int>> promising, rest;
  shape_tiers(lanes, max_c, max_m, min_fill, promising, rest);
  return promising;
}

GenericAllocation allocate_generic(const GenericAllocatorInput& in, Estimate& scratch,
                                   EvalCounter& counter) {
  GenericAllocation result;
  const int n = in.workload.stage_count();
  if (in.split_point >= n) {
    result.rejection = {.reason = "no generic layers", .category = "design"};
    return result;
  }
  if (scratch.layers.size() != in.workload.stages.size())
    scratch.layers.resize(in.workload.stages.size());
  int64_t max_c = 1, max_m = 1, macs = 0;
  for (int s = in.split_point; s < n; ++s) {
    const StageLayer& layer = in.workload.stage(s);
    max_c = std::max(max_c, layer.C / std::max(1, layer.groups));
    max_m = std::max(max_m, layer.M);
    macs += layer.macs;
  }
  // The lanes the array's DSPs can carry once the engine's control has its DSPs, packed as
  // densely as the DSP table allows (docs/models.md 2.1); a Winograd-capable engine packs
  // nothing, so shapes over its DSPs are skipped per mode below.
  const int64_t lanes = std::max<int64_t>(
      1, static_cast<int64_t>(
             static_cast<double>(in.budget.dsp - kDspPerEngine) *
             dsp_rate(in.budget.dsp_family, in.budget.precision_bits, Operands::kDense,
                      in.budget.dsp_double_rate)
                 .peak_multiplies_per_dsp()));
  const int bits = in.budget.precision_bits;
  const int acc_bits = generic_accumulator_bits(in.workload, in.split_point, bits);
  const double clock_hz = in.budget.clock_mhz * 1e6;
  // DSP efficiency rewards small engines too; the other objectives want most lanes busy.
  const int min_fill = in.objective == Objective::kDspEfficiency ? 64 : 8;

  // Two tiers of engine shapes: those using at least 1/min_fill of the lanes the layers can
  // use, then (only when none of those is feasible) every smaller one. The first tier is a
  // pruning for speed; the second makes sure it never turns a feasible problem into an
  // infeasible one (a small engine may be the only one whose buffers fit).
  std::vector<std::pair<int, int>> promising, rest;
  shape_tiers(lanes, max_c, max_m, min_fill, promising, rest);

  const double link_bytes_per_cycle =
      dram_link_bits_per_cycle(in.budget.dram_bw_gbps, in.budget.clock_mhz) / 8;
  // The floor's layer figures do not depend on the budget: the memo keeps them per split point.
  GenericFloor cycle_floor =
      in.memo ? in.memo->floor_for(in.workload, in.split_point, bits, &in.budget.burst_curve,
                                   in.classes)
              : GenericFloor(in.workload, in.split_point, bits, link_bytes_per_cycle,
                             &in.budget.burst_curve, in.classes);
  cycle_floor.set_link(link_bytes_per_cycle);

  std::vector<ShapeEntry> shapes_now;
  std::vector<Split> splits;
  std::vector<FloorGroup> groups;
  const int batch_count = static_cast<int>(in.batches.size());
  const bool floored = !in.reference && clock_hz > 0 && in.objective != Objective::kDspEfficiency;
  if (floored) cycle_floor.prepare(in.batches);
  // Each refined group's floor per entry (GenericFloor::entry_cycles), kept for GenericByClass's
  // early stop on the group's candidates; their sum in entry order is GenericFloor::cycles.
  std::vector<double> entry_floors;
  const size_t floor_entries = cycle_floor.entries();
  // The tighter floor on the part's cycles (generic_bound.h), no better than the peak.
  const auto group_bound = [&](FloorGroup& g) {
    const ShapeEntry& e = shapes_now[static_cast<size_t>(g.shape)];
    double* row = in.memo && in.classes ? in.memo->frame_compute_row(e.p_in, e.p_out,
                                                                      e.winograd_m,
                                                                      in.classes->count())
                                        : nullptr;
    g.floors_at = static_cast<int>(entry_floors.size());
    // Room for every group of the tier at the first, so that the store is not copied as it
    // grows (most groups of a bandwidth-bound part get here).
    if (entry_floors.empty())
      entry_floors.reserve(shapes_now.size() * static_cast<size_t>(batch_count) * floor_entries);
    const double cycles =
        cycle_floor.all_entry_cycles(e.p_in, e.p_out, e.winograd_m, g.batch, row, entry_floors);
    if (cycles <= 0) return g.peak;
    const double bound = in.objective == Objective::kThroughput ? g.batch * clock_hz / cycles
                                                                : -1e3 * cycles / clock_hz;
    return std::min(bound, g.peak);
  };
  const auto index_of = [&](const FloorGroup& g) {
    return order_key(g.shape, g.taken, g.batch_position);
  };
  const auto design_of = [&](const ShapeEntry& e, int split, int batch) {
    const Split& b = splits[static_cast<size_t>(e.first_split + split)];
    return GenericDesign{.p_in = e.p_in,
                         .p_out = e.p_out,
                         .batch = batch,
                         .input_buffer_bram18 = b.input,
                         .weight_buffer_bram18 = b.weight,
                         .output_buffer_bram18 = b.output,
                         .buffering = BufferingChoice::kAuto,
                         .winograd_m = e.winograd_m};
  };
  // The shapes and modes of a tier, with their peak bounds; their splits come later (expand).
  const auto enumerate = [&](const std::vector<std::pair<int, int>>& shapes) {
    shapes_now.clear();
    splits.clear();
    groups.clear();
    entry_floors.clear();
    for (const auto& [p_in, p_out] : shapes)
      for (int winograd_m : in.winograd_modes) {
        const DspRate rate =
            generic_engine_dsp_rate(in.budget.dsp_family, in.budget.precision_bits, winograd_m,
                                    in.budget.dsp_double_rate);
        if (dsps_for_array(p_in, p_out, rate) + kDspPerEngine > in.budget.dsp) continue;
        // Winograd F(m x m, 3 x 3) does 9 m^2 MACs with (m + 2)^2 multiplies (docs/models.md
        // 4.6): at most that many MACs per lane per cycle, on the layers that can use it.
        const double gain = winograd_m > 0 ? 9.0 * winograd_m * winograd_m /
                                                 ((winograd_m + 2.0) * (winograd_m + 2.0))
                                           : 1.0;
        const double peak_macs_per_s = clock_hz * p_in * p_out * gain;
        double peak_bound = std::numeric_limits<double>::infinity();
        if (macs > 0 && in.objective == Objective::kThroughput)
          peak_bound = peak_macs_per_s / static_cast<double>(macs);
        if (macs > 0 && in.objective == Objective::kLatency)
          peak_bound = -1e3 * static_cast<double>(macs) / peak_macs_per_s;
        shapes_now.push_back({.p_in = p_in, .p_out = p_out, .winograd_m = winograd_m,
                              .peak = peak_bound});
      }
  };
  // A shape's buffer splits and its groups, one per batch.
  const auto expand = [&](int shape) {
    ShapeEntry& e = shapes_now[static_cast<size_t>(shape)];
    if (e.expanded) return;
    e.expanded = true;
    e.first_split = static_cast<int>(splits.size());
    const int64_t in_ports = port_blocks(e.p_in, bits), w_ports = port_blocks(e.p_out, bits),
                  out_ports = port_blocks(e.p_out, acc_bits);
    const auto add = [&](int64_t input, int64_t weight, int64_t output) {
      // The cheap check: each buffer at least as wide as the port the engine reads.
      if (input < in_ports || weight < w_ports || output < out_ports) return false;
      splits.push_back({input, weight, output});
      ++e.split_count;
      return true;
    };
    const auto blocks = [](double fraction, int64_t of) {
      return static_cast<int64_t>(std::floor(fraction * static_cast<double>(of)));
    };
    bool any_split = false;
    for (const BufferShares& share : buffer_shares())
      any_split =
          add(blocks(share.input, in.budget.bram18), blocks(share.weight, in.budget.bram18),
              blocks(share.output, in.budget.bram18)) ||
          any_split;
    // When no ratio gives every buffer its ports (a tight BRAM budget), each buffer gets
    // its ports and the first ratio splits what is left: a fraction rounding a buffer
    // below its ports must not make a design that fits look infeasible.
    const int64_t spare = in.budget.bram18 - in_ports - w_ports - out_ports;
    if (!any_split && spare >= 0) {
      const BufferShares& share = buffer_shares().front();
      add(in_ports + blocks(share.input, spare), w_ports + blocks(share.weight, spare),
          out_ports + blocks(share.output, spare));
    }
    if (e.split_count == 0) return;
    e.first_group = static_cast<int>(groups.size());
    for (int k = 0; k < batch_count; ++k)
      groups.push_back({.shape = shape,
                        .batch_position = k,
                        .batch = in.batches[static_cast<size_t>(k)],
                        .peak = e.peak,
                        .bound = e.peak,
                        .stage = floored ? FloorGroup::Stage::kPeak : FloorGroup::Stage::kFinal});
  };
  // Every shape of the tier expanded (the paths that need all its candidates); whether any
  // candidate passed the cheap check.
  const auto expand_all = [&] {
    bool any = false;
    for (size_t i = 0; i < shapes_now.size(); ++i) {
      expand(static_cast<int>(i));
      any = any || shapes_now[i].split_count > 0;
    }
    return any;
  };

  // The closest infeasible candidate is described once, after the loop: no string building
  // per candidate in the search's inner loop.
  Estimate closest;
  int closest_index = -1;
  double closest_ratio = std::numeric_limits<double>::infinity();
  bool any_infeasible = false;
  // The caller's score to beat (the reference configuration costs every candidate).
  const double must_beat =
      in.reference ? -std::numeric_limits<double>::infinity() : in.must_beat;
  const bool has_bar = must_beat > -std::numeric_limits<double>::infinity();
  // Some candidate was skipped for the caller's bar while nothing better was in hand: it may
  // have been feasible.
  bool skipped_for_bar = false;
  std::optional<GenericByClass> by_class;
  if (in.classes) by_class.emplace(*in.classes, in.split_point, &cycle_floor, in.memo);
  PartSummary summary;
  GenericByClass::Beat beat{.objective = in.objective, .part_macs = macs};
  const auto record = [&](const GenericDesign& design, const PartSummary& part) {
    const double score = part_score(part, macs, in.budget, in.objective);
    if (has_bar && score <= must_beat) {
      skipped_for_bar = skipped_for_bar || !result.feasible;
      return;
    }
    if (!result.feasible || score > result.score) {
      result.feasible = true;
      result.score = score;
      result.design = design;
      result.summary = part;
    }
  };
  // A shape's compute floor over the part, one frame (GenericFloor::frame_compute_total), and
  // a group's quick floor from it (GenericFloor::quick_cycles).
  const auto shape_compute = [&](int shape) {
    const ShapeEntry& e = shapes_now[static_cast<size_t>(shape)];
    double* row = in.memo && in.classes ? in.memo->frame_compute_row(e.p_in, e.p_out,
                                                                      e.winograd_m,
                                                                      in.classes->count())
                                        : nullptr;
    double* total =
        in.memo ? in.memo->frame_compute_total(in.split_point, e.p_in, e.p_out, e.winograd_m)
                : nullptr;
    const double compute = total && !std::isnan(*total)
                               ? *total
                               : cycle_floor.frame_compute_total(e.p_in, e.p_out, e.winograd_m, row);
    if (total) *total = compute;
    return compute;
  };
  const auto to_quick = [&](FloorGroup& g, double compute) {
    g.stage = FloorGroup::Stage::kQuick;
    const double cycles = cycle_floor.quick_cycles(compute, g.batch);
    if (cycles > 0) {
      const double bound = in.objective == Objective::kThroughput ? g.batch * clock_hz / cycles
                                                                  : -1e3 * cycles / clock_hz;
      g.bound = std::min(bound, g.peak);
    }
  };
  std::vector<QueueEntry> queue;
  const auto search = [&] {
    queue.clear();
    for (size_t i = 0; i < shapes_now.size(); ++i) {
      const ShapeEntry& e = shapes_now[i];
      if (!e.expanded) {
        queue.push_back({e.peak, order_key(static_cast<int>(i), 0, 0), -1 - static_cast<int>(i)});
        continue;
      }
      for (int k = 0; e.split_count > 0 && k < batch_count; ++k) {
        const int group = e.first_group + k;
        queue.push_back({groups[static_cast<size_t>(group)].bound,
                         index_of(groups[static_cast<size_t>(group)]), group});
      }
    }
    std::make_heap(queue.begin(), queue.end(), after);
    while (!queue.empty()) {
      const QueueEntry top = queue.front();
      std::pop_heap(queue.begin(), queue.end(), after);
      queue.pop_back();
      const bool barred = result.feasible || has_bar;
      const double bar = result.feasible ? result.score : must_beat;
      if (barred && top.bound <= bar) {  // nothing left can win
        skipped_for_bar = skipped_for_bar || !result.feasible;
        break;
      }
      if (top.group < 0) {
        // A shape reaching the front: its groups join the queue at their quick floors. (Its
        // groups would come out first at its bound and be refined to that one by one: the
        // same order, with a trip through the queue fewer each.)
        const size_t first_group = groups.size();
        expand(-1 - top.group);
        if (floored && groups.size() > first_group) {
          const double compute = shape_compute(-1 - top.group);
          for (size_t i = first_group; i < groups.size(); ++i) to_quick(groups[i], compute);
        }
        for (size_t i = first_group; i < groups.size(); ++i) {
          queue.push_back({groups[i].bound, index_of(groups[i]), static_cast<int>(i)});
          std::push_heap(queue.begin(), queue.end(), after);
        }
        continue;
      }
      FloorGroup& g = groups[static_cast<size_t>(top.group)];
      if (g.stage == FloorGroup::Stage::kPeak) {
        // The quick floor first: most groups fall below the best on it.
        to_quick(g, shape_compute(g.shape));
        queue.push_back({g.bound, top.first, top.group});
        std::push_heap(queue.begin(), queue.end(), after);
        continue;
      }
      if (g.stage == FloorGroup::Stage::kQuick) {
        // Its floor, worked out once; back in the queue at that.
        g.bound = group_bound(g);
        g.stage = FloorGroup::Stage::kFinal;
        queue.push_back({g.bound, top.first, top.group});
        std::push_heap(queue.begin(), queue.end(), after);
        continue;
      }
      // Its next split now; the rest back in the queue (another group of the same bound may
      // have candidates enumerated between them).
      const ShapeEntry& shape = shapes_now[static_cast<size_t>(g.shape)];
      const GenericDesign design = design_of(shape, g.taken, g.batch);
      if (++g.taken < shape.split_count) {
        queue.push_back({g.bound, index_of(g), top.group});
        std::push_heap(queue.begin(), queue.end(), after);
      }
      ++counter.designs;
      if (by_class) {
        // Once a design (or the caller's bar) is in hand, a candidate stops as soon as it
        // cannot beat it (exact: the cycles so far plus the floor of the rest; the reference
        // configuration costs every candidate to the end), and an infeasible one needs no
        // reason: the closest infeasible candidate is only read when nothing is feasible.
        beat.score = bar;
        const GenericByClass::Outcome outcome = by_class->evaluate(
            design, in.budget, summary, barred && !in.reference ? &beat : nullptr,
            g.floors_at >= 0 ? entry_floors.data() + g.floors_at : nullptr);
        if (outcome == GenericByClass::Outcome::kFeasible) {
          record(design, summary);
          continue;
        }
        if (outcome == GenericByClass::Outcome::kCannotWin) {
          skipped_for_bar = skipped_for_bar || !result.feasible;
          continue;
        }
        if (result.feasible) continue;
      }
      scratch.clear_violations();
      evaluate_generic_part(in.workload, in.split_point, design, in.budget, scratch);
      if (!scratch.feasible) {
        double ratio = 0;
        const int index = worst_violation_index(scratch, ratio);
        if (!any_infeasible || ratio < closest_ratio) {
          any_infeasible = true;
          closest_ratio = ratio;
          closest_index = index;
          closest.violations = scratch.violations;
          closest.violation_count = scratch.violation_count;
        }
        continue;
      }
      record(design, scratch.generic);
    }
  };
  // Whether the candidates just enumerated hold a feasible design at all (costed in order,
  // to the first that is).
  const auto any_feasible = [&] {
    expand_all();
    for (const ShapeEntry& e : shapes_now)
      for (int split = 0; split < e.split_count; ++split)
        for (int batch : in.batches) {
          const GenericDesign design = design_of(e, split, batch);
          ++counter.designs;
          if (by_class) {
            if (by_class->evaluate(design, in.budget, summary, nullptr) ==
                GenericByClass::Outcome::kFeasible)
              return true;
            continue;
          }
          scratch.clear_violations();
          evaluate_generic_part(in.workload, in.split_point, design, in.budget, scratch);
          if (scratch.feasible) return true;
        }
    return false;
  };
  enumerate(promising);
  search();
  // Whether any candidate passed the cheap check: surely so once a design is in hand.
  bool any_candidate = result.feasible || expand_all();
  if (!result.feasible && !rest.empty()) {
    enumerate(rest);
    // All of them: the decision below reads every one's peak.
    const bool rest_candidates = expand_all();
    any_candidate = any_candidate || rest_candidates;
    // The smaller shapes are only tried when the promising ones hold no feasible design.
    // Nothing of those beat the caller's bar, but some were skipped for it: whether one of
    // them was feasible matters only if a smaller shape could beat the bar.
    bool rest_could_beat = !skipped_for_bar;
    for (const ShapeEntry& e : shapes_now)
      rest_could_beat = rest_could_beat || (e.split_count > 0 && e.peak > must_beat);
    if (skipped_for_bar && rest_could_beat) {
      enumerate(promising);
      const bool promising_feasible = any_feasible();
      enumerate(rest);
      rest_could_beat = !promising_feasible;
    }
    if (rest_could_beat) search();
  }
  if (!any_candidate) {
    // Report what the smallest engine would need: 1 x 1 lanes, each buffer its port minimum.
    const int64_t least = port_blocks(1, bits);
    GenericDesign d{.p_in = 1,
                    .p_out = 1,
                    .batch = 1,
                    .input_buffer_bram18 = least,
                    .weight_buffer_bram18 = least,
                    .output_buffer_bram18 = port_blocks(1, acc_bits)};
    scratch.clear_violations();
    evaluate_generic_part(in.workload, in.split_point, d, in.budget, scratch);
    ++counter.designs;
    result.rejection =
        scratch.feasible
            ? Rejection{.reason = "BRAM18 too few for any engine's buffers", .category = "bram18"}
            : worst_violation(scratch);
    return result;
  }
  if (!result.feasible && skipped_for_bar)
    result.rejection = {.reason = "no design beats the score to beat", .category = "below_bar"};
  else if (!result.feasible && any_infeasible)
    result.rejection = describe_violation(closest, closest_index, closest_ratio);
  return result;
}

}  // namespace dnne
