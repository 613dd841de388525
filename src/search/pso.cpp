#include "search/pso.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "search/rng.h"

namespace dnne {

namespace {

constexpr int kDims = 5;  // split point, DSP share, BRAM share, bandwidth share, batch
using Position = std::array<double, kDims>;

// [0, 1] -> one of `levels` values, each covering an equal part of the range.
int level(double x, int levels) {
  return std::clamp(static_cast<int>(x * levels), 0, levels - 1);
}

GlobalPoint decode(const Position& x, const SearchContext& c) {
  const int n = c.workload.stage_count();
  const int shares = c.split_steps - 1;  // steps 1 .. split_steps - 1
  return {.split_point = static_cast<int>(std::lround(x[0] * n)),
          .dsp_step = 1 + level(x[1], shares),
          .bram_step = 1 + level(x[2], shares),
          .bw_step = 1 + level(x[3], shares),
          .batch_index = level(x[4], static_cast<int>(c.generic_batches.size()))};
}

void report(const SearchOptions& options, const PointEvaluator& e, int step, int steps) {
  if (!options.progress) return;
  options.progress({.step = step,
                    .steps = steps,
                    .evaluated = e.designs_evaluated(),
                    .seconds = e.seconds(),
                    .feasible = e.any_feasible(),
                    .best_score = e.best().score});
}

}  // namespace

PsoRun run_pso(PointEvaluator& evaluator, const SearchContext& c, const SearchOptions& options,
               const std::vector<GlobalPoint>& extra) {
  const PsoOptions& pso = options.pso;
  const auto swarm = static_cast<size_t>(pso.swarm_size);
  std::vector<SplitMix64> rng;
  std::vector<Position> x(swarm), v(swarm), best_x(swarm);
  for (size_t i = 0; i < swarm; ++i) {
    rng.emplace_back(options.seed, i);
    for (int d = 0; d < kDims; ++d) {
      x[i][d] = rng[i].uniform();
      v[i][d] = (2 * rng[i].uniform() - 1) * pso.max_velocity;
    }
  }
  std::vector<PointOutcome> best_fit(swarm);
  Position swarm_x{};
  PointOutcome swarm_fit;
  int stale = 0;
  int iteration = 0;
  for (; iteration < pso.iterations; ++iteration) {
    std::vector<GlobalPoint> points;
    if (iteration == 0) points = extra;
    for (const Position& p : x) points.push_back(decode(p, c));
    const std::vector<const PointOutcome*> fit = evaluator.evaluate(points);
    const size_t offset = iteration == 0 ? extra.size() : 0;
    bool improved = false;
    for (size_t i = 0; i < swarm; ++i) {
      const PointOutcome& f = *fit[offset + i];
      if (iteration == 0 || better(f, best_fit[i])) best_fit[i] = f, best_x[i] = x[i];
      if (better(f, swarm_fit)) swarm_fit = f, swarm_x = x[i], improved = true;
    }
    stale = improved ? 0 : stale + 1;
    report(options, evaluator, iteration + 1, pso.iterations);
    if (stale >= pso.patience) {
      ++iteration;
      break;
    }
    // v <- w v + c1 r1 (p_best - x) + c2 r2 (g_best - x); x <- x + v (Shi & Eberhart 1998).
    const double w = pso.inertia_start + (pso.inertia_end - pso.inertia_start) * iteration /
                                             std::max(1, pso.iterations - 1);
    for (size_t i = 0; i < swarm; ++i)
      for (int d = 0; d < kDims; ++d) {
        const double r1 = rng[i].uniform(), r2 = rng[i].uniform();
        double vel = w * v[i][d] + pso.cognitive * r1 * (best_x[i][d] - x[i][d]) +
                     pso.social * r2 * (swarm_x[d] - x[i][d]);
        vel = std::clamp(vel, -pso.max_velocity, pso.max_velocity);
        double pos = x[i][d] + vel;
        // Walls absorb: a particle reaching the boundary stops there.
        if (pos < 0 || pos > 1) pos = std::clamp(pos, 0.0, 1.0), vel = 0;
        x[i][d] = pos;
        v[i][d] = vel;
      }
  }
  return {.iterations = iteration, .swarm_best = swarm_fit};
}

int polish(PointEvaluator& evaluator, const PointOutcome& start, int first_step, int max_rounds) {
  PointOutcome here = start;
  int step = std::max(1, first_step);
  int round = 0;
  for (; round < max_rounds && here.feasible; ++round) {
    std::vector<GlobalPoint> neighbours;
    const GlobalPoint p = here.point;
    for (int sign : {-1, 1}) {
      const int d = sign * step;
      GlobalPoint q = p;
      q.split_point += sign, neighbours.push_back(q);
      q = p, q.split_point += 2 * sign, neighbours.push_back(q);
      q = p, q.batch_index += sign, neighbours.push_back(q);
      q = p, q.dsp_step += d, neighbours.push_back(q);
      q = p, q.bram_step += d, neighbours.push_back(q);
      q = p, q.bw_step += d, neighbours.push_back(q);
      // Growing or shrinking part A as a whole keeps its DSP/BRAM balance.
      q = p, q.dsp_step += d, q.bram_step += d, neighbours.push_back(q);
      q = p, q.dsp_step += d, q.bram_step += d, q.bw_step += d, neighbours.push_back(q);
    }
    const PointOutcome* next = &here;
    for (const PointOutcome* o : evaluator.evaluate(neighbours))
      if (better(*o, *next)) next = o;
    if (next != &here) {
      here = *next;
    } else if (step > 1) {
      step /= 2;  // no better neighbour at this distance: look closer
    } else {
      break;
    }
  }
  return round;
}

int run_exhaustive(PointEvaluator& evaluator, const SearchContext& c, const SearchOptions& options,
                   const std::vector<GlobalPoint>& extra) {
  const int n = c.workload.stage_count();
  const int top = c.split_steps - 1;
  const int batches = static_cast<int>(c.generic_batches.size());
  std::vector<GlobalPoint> all = extra;
  for (int sp = 1; sp < n; ++sp)
    for (int d = 1; d <= top; ++d)
      for (int b = 1; b <= top; ++b)
        for (int w = 1; w <= top; ++w)
          for (int bi = 0; bi < batches; ++bi)
            all.push_back({.split_point = sp,
                           .dsp_step = d,
                           .bram_step = b,
                           .bw_step = w,
                           .batch_index = bi});
  const size_t chunk = static_cast<size_t>(std::max(64, 32 * evaluator.threads()));
  const int chunks = static_cast<int>((all.size() + chunk - 1) / chunk);
  for (int k = 0; k < chunks; ++k) {
    const size_t begin = static_cast<size_t>(k) * chunk;
    const size_t end = std::min(all.size(), begin + chunk);
    evaluator.evaluate(std::vector<GlobalPoint>(all.begin() + static_cast<long>(begin),
                                                all.begin() + static_cast<long>(end)));
    report(options, evaluator, k + 1, chunks);
  }
  return chunks;
}

}  // namespace dnne
