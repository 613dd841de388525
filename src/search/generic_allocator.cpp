#include "search/generic_allocator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

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

struct Candidate {
  GenericDesign design;
  double bound = 0;  // optimistic objective score
};

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

std::vector<std::pair<int, int>> engine_shapes(int64_t lanes, int64_t max_c, int64_t max_m,
                                               int min_fill) {
  std::set<std::pair<int, int>> all;
  const int64_t c_cap = ceil_pow2(std::max<int64_t>(1, max_c));
  const int64_t m_cap = ceil_pow2(std::max<int64_t>(1, max_m));
  for (int64_t p_in = 1; p_in <= std::min(lanes, c_cap); p_in *= 2) {
    const int64_t room = std::min(lanes / p_in, m_cap);
    for (int64_t p_out = 1; p_out <= room; p_out *= 2)
      all.insert({static_cast<int>(p_in), static_cast<int>(p_out)});
    const int64_t fill = room >= 8 ? room / 8 * 8 : room;
    if (fill >= 1) all.insert({static_cast<int>(p_in), static_cast<int>(fill)});
  }
  // The fill is measured against the largest engine the layers can use, not the device's
  // lanes: layers of 16 channels never use more than 16 x 16 lanes, and measuring against
  // the device left no shape at all (a false "infeasible" on large devices).
  int64_t usable = 1;
  for (const auto& [p_in, p_out] : all) usable = std::max<int64_t>(usable, int64_t{p_in} * p_out);
  std::vector<std::pair<int, int>> shapes;
  for (const auto& [p_in, p_out] : all)
    if (min_fill <= 0 || int64_t{p_in} * p_out * min_fill >= usable)
      shapes.push_back({p_in, p_out});
  return shapes;
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
  const std::vector<std::pair<int, int>> promising = engine_shapes(lanes, max_c, max_m, min_fill);
  std::vector<std::pair<int, int>> rest;
  for (const auto& shape : engine_shapes(lanes, max_c, max_m, 0))
    if (!std::binary_search(promising.begin(), promising.end(), shape)) rest.push_back(shape);

  const double link_bytes_per_cycle =
      dram_link_bits_per_cycle(in.budget.dram_bw_gbps, in.budget.clock_mhz) / 8;
  const GenericFloor cycle_floor(in.workload, in.split_point, bits, link_bytes_per_cycle,
                                 &in.budget.burst_curve, in.classes);

  std::vector<Candidate> candidates;
  const auto enumerate = [&](const std::vector<std::pair<int, int>>& shapes) {
    candidates.clear();
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
        // The tighter floor on the part's cycles (generic_bound.h), per batch.
        // p_in and p_out are structured bindings: clang 14 cannot capture those by &.
        const auto bound_of = [&, p_in = p_in, p_out = p_out](int batch) {
          if (in.reference || clock_hz <= 0 || in.objective == Objective::kDspEfficiency)
            return peak_bound;
          const double cycles = cycle_floor.cycles(p_in, p_out, winograd_m, batch);
          if (cycles <= 0) return peak_bound;
          const double bound = in.objective == Objective::kThroughput ? batch * clock_hz / cycles
                                                                      : -1e3 * cycles / clock_hz;
          return std::min(bound, peak_bound);
        };
        std::vector<double> bounds;
        for (int batch : in.batches) bounds.push_back(bound_of(batch));
        const int64_t in_ports = port_blocks(p_in, bits), w_ports = port_blocks(p_out, bits),
                      out_ports = port_blocks(p_out, acc_bits);
        // p_in and p_out are structured bindings: clang 14 cannot capture those by &.
        const auto add = [&, p_in = p_in, p_out = p_out](int64_t input, int64_t weight,
                                                         int64_t output) {
          GenericDesign d{.p_in = p_in,
                          .p_out = p_out,
                          .input_buffer_bram18 = input,
                          .weight_buffer_bram18 = weight,
                          .output_buffer_bram18 = output,
                          .buffering = BufferingChoice::kAuto,
                          .winograd_m = winograd_m};
          // The cheap check: each buffer at least as wide as the port the engine reads.
          if (input < in_ports || weight < w_ports || output < out_ports) return false;
          for (size_t k = 0; k < in.batches.size(); ++k) {
            d.batch = in.batches[k];
            candidates.push_back({d, bounds[k]});
          }
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
      }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.bound > b.bound; });
  };

  // The closest infeasible candidate is described once, after the loop: no string building
  // per candidate in the search's inner loop.
  Estimate closest;
  int closest_index = -1;
  double closest_ratio = std::numeric_limits<double>::infinity();
  bool any_infeasible = false;
  bool any_candidate = false;
  std::optional<GenericByClass> by_class;
  if (in.classes) by_class.emplace(*in.classes, in.split_point);
  PartSummary summary;
  GenericByClass::Beat beat{
      .objective = in.objective, .part_macs = macs, .floor = in.classes ? &cycle_floor : nullptr};
  const auto record = [&](const GenericDesign& design, const PartSummary& part) {
    const double score = part_score(part, macs, in.budget, in.objective);
    if (!result.feasible || score > result.score) {
      result.feasible = true;
      result.score = score;
      result.design = design;
      result.summary = part;
    }
  };
  const auto search = [&] {
    any_candidate = any_candidate || !candidates.empty();
    for (const Candidate& c : candidates) {
      if (result.feasible && c.bound <= result.score) break;  // nothing left can win
      ++counter.designs;
      if (by_class) {
        // Once a design is in hand, a candidate stops as soon as it cannot beat it (exact:
        // the cycles so far plus the floor of the rest; the reference configuration costs
        // every candidate to the end), and an infeasible one needs no reason: the closest
        // infeasible candidate is only read when nothing is feasible.
        beat.score = result.score;
        const GenericByClass::Outcome outcome = by_class->evaluate(
            c.design, in.budget, summary, result.feasible && !in.reference ? &beat : nullptr);
        if (outcome == GenericByClass::Outcome::kFeasible) {
          record(c.design, summary);
          continue;
        }
        if (outcome == GenericByClass::Outcome::kCannotWin || result.feasible) continue;
      }
      scratch.clear_violations();
      evaluate_generic_part(in.workload, in.split_point, c.design, in.budget, scratch);
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
      record(c.design, scratch.generic);
    }
  };
  enumerate(promising);
  search();
  if (!result.feasible && !rest.empty()) {
    enumerate(rest);
    search();
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
  if (!result.feasible && any_infeasible)
    result.rejection = describe_violation(closest, closest_index, closest_ratio);
  return result;
}

}  // namespace dnne
