// The pipeline stages' parallelism options and their costs, computed once per search.
//
// A stage's cost (pipeline_stage_cost) depends on its layer, its (CPF, KPF, weights on chip),
// the batch and the clock/precision only, never on the rest of the design, so the allocator
// can look costs up instead of recomputing them for every particle. Options that another
// option beats on cycles and on every cost at every batch are dropped (they can never be
// the cheapest way to meet a cycle target).
#pragma once

#include <cstdint>
#include <vector>

#include "model/evaluate.h"
#include "search/stage_classes.h"

namespace dnne {

struct StageOptions {
  std::vector<StageParallelism> parallelism;  // sorted by cycles, slowest first
  std::vector<int64_t> cycles;                // per frame, same order
  // Batch-major, [batch index * options + option], so the allocator's scan over the options
  // of one batch reads contiguous memory.
  std::vector<StageCost> costs;
  // Weight bits streamed per frame = weight_bits_per_cycle * cycles (docs/spec/MODELS.md 3: the
  // demand while busy times the time busy); the part's bandwidth is f / T * sum of these.
  std::vector<double> weight_bits_per_frame;  // [batch index * options + option]

  // The least of each cost over the options [i, count) of a batch, [batch index * options + i]:
  // the options meeting a cycle target are such a suffix (slowest first), so these give, per
  // class, the least any choice meeting the target can spend (the allocator's relaxation that
  // rules out periods and batches before it searches them, pipeline_allocator.cpp).
  struct Least {
    int64_t dsp = 0, bram18 = 0, uram = 0, lut = 0;
    double bits = 0;
  };
  std::vector<Least> least_from;

  size_t option_count() const { return cycles.size(); }
  const Least& least(size_t first, int batch_index) const {
    return least_from[static_cast<size_t>(batch_index) * option_count() + first];
  }
  const StageCost& cost(size_t option, int batch_index) const {
    return costs[static_cast<size_t>(batch_index) * option_count() + option];
  }
  double bits(size_t option, int batch_index) const {
    return weight_bits_per_frame[static_cast<size_t>(batch_index) * option_count() + option];
  }
};

// Stages of one class (stage_classes.h) share their options and costs, so the table's size
// and the time to build it grow with the number of distinct layers, not the depth.
struct StageTable {
  std::vector<int> batches;           // ascending, the pipeline batches the allocator may choose
  std::vector<StageOptions> classes;  // one per distinct stage
  std::vector<int> class_of;          // per stage, its class
  int64_t model_calls = 0;            // pipeline_stage_cost calls made to build the table

  int batch_count() const { return static_cast<int>(batches.size()); }
  int class_count() const { return static_cast<int>(classes.size()); }
  const StageOptions& stage(int s) const {
    return classes[static_cast<size_t>(class_of[static_cast<size_t>(s)])];
  }
  const StageCost& cost(int stage, int option, int batch_index) const {
    return this->stage(stage).cost(static_cast<size_t>(option), batch_index);
  }
};

// The CPF (KPF) values considered for n input (output) channels of a stage AccDNN has no
// template for (conv, fc and pooling take AccDNN's candidates, model/accdnn_rules.h): every power
// of two and every divisor of n up to n (a divisor wastes no lane in the ceil(C/CPF) of the cycle
// count; a power of two maps well onto BRAM ports).
std::vector<int> parallelism_values(int64_t n);

// Options of every stage of the workload (layers with weights also get the weights-on-chip
// variant), keeping the options whose DSPs (the model's figure) fit the budget. `threads`
// workers share the stages; the result does not depend on their number.
StageTable build_stage_table(const Workload& workload, const PartBudget& budget,
                             const std::vector<int>& batches, int threads);
// The same with the workload's stage classes already known.
StageTable build_stage_table(const Workload& workload, const StageClasses& classes,
                             const PartBudget& budget, const std::vector<int>& batches,
                             int threads);

// The pipeline batches tried by default: every batch from 1 to 32.
const std::vector<int>& default_pipeline_batches();

}  // namespace dnne
