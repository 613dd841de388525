// "Did you mean ...?" suggestions for unknown names (after ninja's SpellcheckString).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dnne {

// Names longer than this (bytes) are neither given nor offered a suggestion (ours).
inline constexpr size_t kMaxSuggestedNameBytes = 128;

// Levenshtein distance, case-insensitive.
int edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `name`: every candidate within a distance that scales with the
// name's length, nearest first, at most `max_results`. A candidate that starts with `name`
// counts as near too (so "resnet" suggests resnet18, resnet34, resnet50).
std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       size_t max_results = 3);

// " (did you mean 'a', 'b'?)" or "" when nothing is near; ready to append to a message.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace dnne
