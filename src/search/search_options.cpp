#include "search/search_options.h"

#include "util/enum_names.h"
#include "util/number_format.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
constexpr auto kParadigms = enum_names<Paradigm>({{Paradigm::kHybrid, "hybrid"},
                                                  {Paradigm::kPipeline, "pipeline"},
                                                  {Paradigm::kGeneric, "generic"}});
constexpr auto kSearchMethods = enum_names<SearchMethod>(
    {{SearchMethod::kPso, "pso"}, {SearchMethod::kExhaustive, "exhaustive"}});
static_assert(kParadigms.covers(Paradigm::kGeneric) &&
              kSearchMethods.covers(SearchMethod::kExhaustive));
}  // namespace

std::string_view paradigm_name(Paradigm paradigm) {
  return kParadigms.name(paradigm);
}

Expected<Paradigm> parse_paradigm(const std::string& text) {
  if (auto p = kParadigms.parse(text)) return *p;
  return Error{"--paradigm '" + text + "': expected " + kParadigms.listed() +
               did_you_mean(text, kParadigms.names())};
}

std::string_view search_method_name(SearchMethod method) {
  return kSearchMethods.name(method);
}

Expected<SearchMethod> parse_search_method(const std::string& text) {
  if (auto m = kSearchMethods.parse(text)) return *m;
  return Error{"--search '" + text + "': expected " + kSearchMethods.listed() +
               did_you_mean(text, kSearchMethods.names())};
}

Expected<bool> validate(const SearchOptions& o) {
  if (o.threads < 0)
    return Error{"--threads " + std::to_string(o.threads) +
                 ": expected a number of threads, or 0 for all hardware threads"};
  if (o.pso.swarm_size < 1)
    return Error{"swarm size " + std::to_string(o.pso.swarm_size) + ": expected at least 1"};
  if (o.pso.iterations < 1)
    return Error{"iterations " + std::to_string(o.pso.iterations) + ": expected at least 1"};
  if (o.split_steps < 2 || o.exhaustive_split_steps < 2)
    return Error{"split steps: expected at least 2"};
  if (o.generic_batches.empty() || o.pipeline_batches.empty())
    return Error{"batch lists: expected at least one batch"};
  if (o.winograd_modes.empty()) return Error{"Winograd modes: expected at least one (0 is off)"};
  for (int m : o.winograd_modes)
    if (m != 0 && m != 2 && m != 4)
      return Error{"Winograd mode " + std::to_string(m) + ": expected 0, 2 or 4"};
  for (int b : o.generic_batches)
    if (b < 1) return Error{"generic batch " + std::to_string(b) + ": expected at least 1"};
  for (int b : o.pipeline_batches)
    if (b < 1) return Error{"pipeline batch " + std::to_string(b) + ": expected at least 1"};
  if (!(o.constraints.min_fps >= 0))  // NaN too
    return Error{"--min-fps " + readable(o.constraints.min_fps, 10) +
                 ": expected a non-negative number of frames per second"};
  if (!(o.constraints.max_latency_ms >= 0))
    return Error{"--max-latency-ms " + readable(o.constraints.max_latency_ms, 10) +
                 ": expected a non-negative number of milliseconds"};
  return true;
}

}  // namespace dnne
