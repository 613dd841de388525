// Part B evaluated once per distinct layer (stage_classes.h): the generic engine runs its
// layers one after another, so the part's cycles and DRAM bytes are the sums of its layers'
// (docs/models.md 4; generic_part.cpp), and identical layers cost the same. The engine is set
// up once per design by the model's own set_up_generic_engine, each class present in
// [split_point, N) is costed by the model's per-layer rule and counted as many times as it
// occurs, and the part's figures follow as evaluate_generic_part derives them from the sums.
// `GenericByClass.SameFiguresAsTheModel` checks them against evaluate_generic_part on the
// whole part, so a model change that breaks the decomposition fails a test instead of
// moving the search's answers.
//
// Only feasible parts are summarised here: when a class is infeasible, the caller asks the
// whole-part model, which names the violation with its real stage.
//
// With a score to beat, the classes are costed largest first (by MACs x count) and the
// evaluation stops as soon as the cycles so far, plus the floor of the classes not yet
// costed (generic_bound.h), already give a score no better than it: the search's branch and
// bound hands most candidates here only to lose, and most of them lose early (docs/search.md 9).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "design/design.h"
#include "model/evaluate.h"
#include "search/generic_bound.h"
#include "search/generic_memo.h"
#include "search/objective.h"
#include "search/stage_classes.h"

namespace dnne {

class GenericByClass {
 public:
  // `floor` (may be null) gives a lower bound on each class's cycles for the early stop;
  // `memo` (may be null) what earlier evaluations of the same engine found (generic_memo.h).
  GenericByClass(const StageClasses& classes, int split_point,
                 const GenericFloor* floor = nullptr, GenericMemo* memo = nullptr);

  enum class Outcome {
    kFeasible,    // the part's figures are in `summary`
    kInfeasible,  // some check of the model fails (the caller asks the whole-part model why)
    kCannotWin,   // stopped early: the part's score would be no better than `beat->score`
  };

  // What the part must beat for the evaluation to go on to the end: the cycles already
  // costed plus the floor of the rest (without a floor, the cycles costed alone) count.
  struct Beat {
    double score = 0;
    Objective objective = Objective::kThroughput;
    int64_t part_macs = 0;
  };

  // `entry_floors`, when given, are the floor's per-entry cycles for this design's shape, mode
  // and batch (GenericFloor::entry_cycles, as the allocator worked them out for its bound).
  Outcome evaluate(const GenericDesign& design, const PartBudget& budget, PartSummary& summary,
                   const Beat* beat = nullptr, const double* entry_floors = nullptr);

  // (class, stages of it in the part), in order of first appearance.
  const std::vector<std::pair<int, int64_t>>& counts() const { return counts_; }

 private:
  const StageClasses& classes_;
  int split_point_ = 0;
  const GenericFloor* floor_ = nullptr;
  GenericMemo* memo_ = nullptr;
  std::vector<std::pair<int, int64_t>> counts_;
  std::vector<size_t> order_;  // positions in counts_, largest MACs x count first
  int64_t max_terms_ = 1;      // the most terms any layer of the part sums (accumulator width)
  std::vector<double> bytes_;        // per position in counts_, scratch
  std::vector<double> floor_after_;  // per step of order_, for floor_key_
  struct FloorKey {
    int64_t p_in = 0, p_out = 0;
    int winograd_m = 0;
    int64_t batch = 0;
    bool operator==(const FloorKey&) const = default;
  };
  // Per batch, each class's fill and drain (model::generic_layer_edge_cycles; NaN until
  // known): the same for every engine of this part, budget and batch.
  std::vector<std::pair<int64_t, std::vector<double>>> edges_;
  FloorKey floor_key_;
  // The costs of the classes an engine's Winograd mode does not apply to, shared by the
  // engines that differ only in that mode (model::generic_layer_winograd_eligible): the
  // allocator costs a shape's modes 0, 2 and 4 with the same buffers and batch close together
  // (tied bounds come out in enumeration order, the modes of a shape next to each other), so
  // the last kSharedEngines such engines keep what was costed of them.
  struct KnownCost {
    bool known = false, fits = false;
    int64_t cycles = 0;
    double dram_bytes = 0;
  };
  struct SharedCosts {
    GenericMemo::Key key;  // the engine's memo key with its mode set to 0
    uint64_t used = 0;             // the use_clock_ of its last use
    std::vector<KnownCost> costs;  // per position in counts_
  };
  static constexpr size_t kSharedEngines = 16;
  // ... fewer for parts of very many classes, so that they hold at most this many costs.
  static constexpr size_t kMaxSharedCosts = size_t{1} << 20;
  std::vector<SharedCosts> shared_;
  uint64_t use_clock_ = 0;
  std::vector<char> mode_free_;  // per position in counts_: the mode does not apply
  std::vector<KnownCost>& shared_costs(const model::Engine& engine);
  bool floor_known_ = false;
  Estimate engine_checks_;  // scratch for the engine's violations
};

}  // namespace dnne
