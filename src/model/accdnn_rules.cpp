#include "model/accdnn_rules.h"

#include <algorithm>

namespace dnne {

namespace {

std::string power_of_two_cap(const char* key, int64_t value, int64_t cap) {
  if (!is_power_of_two(value))
    return std::string(key) + " " + std::to_string(value) + " must be a power of two";
  if (value > cap)
    return std::string(key) + " " + std::to_string(value) + " exceeds AccDNN's maximum " +
           std::to_string(cap);
  return {};
}

}  // namespace

int64_t accdnn_cpf_channels(const StageLayer& layer) {
  const int64_t per_group = layer.C / std::max(1, layer.groups);
  return per_group + (layer.external_input_elements > 0 ? kAccDnnInputChannelPadding : 0);
}

std::vector<int> accdnn_parallelism_values(int64_t n, int cap) {
  std::vector<int> values;
  for (int p = 1; p <= cap && p <= n; p *= 2)
    if (n % p == 0) values.push_back(p);
  if (values.empty()) values.push_back(1);
  return values;
}

std::optional<std::string> accdnn_stage_problem(const StageLayer& layer, int64_t cpf, int64_t kpf,
                                                int bits) {
  const int weight_bits = bits;
  const bool weighted = layer.kind == LayerKind::kConv || layer.kind == LayerKind::kFc;
  if (!weighted && layer.kind != LayerKind::kPool) return std::nullopt;
  if (auto p = power_of_two_cap("KPF", kpf, kAccDnnMaxKpf); !p.empty()) return p;
  if (!weighted) {
    if (kpf > layer.C)
      return "KPF " + std::to_string(kpf) + " exceeds the layer's " + std::to_string(layer.C) +
             " channels";
    return std::nullopt;
  }
  if (auto p = power_of_two_cap("CPF", cpf, kAccDnnMaxCpf); !p.empty()) return p;
  const int64_t groups = std::max(1, layer.groups);
  const int64_t channels = accdnn_cpf_channels(layer);
  const bool padded = channels != layer.C / groups;
  if (cpf > channels)
    return "CPF " + std::to_string(cpf) + " exceeds the layer's " + std::to_string(channels) +
           " input channels per group" + (padded ? " (with AccDNN's input padding)" : "");
  if (kpf > layer.M / groups)
    return "KPF " + std::to_string(kpf) + " exceeds the layer's " +
           std::to_string(layer.M / groups) + " output channels per group";
  if (kpf < accdnn_min_kpf(layer, bits))
    return "KPF " + std::to_string(kpf) +
           " at 8 bits: AccDNN splits each DSP into two 8-bit multipliers on a layer of an even "
           "kernel count and raises KPF to at least 2";
  if (cpf * kpf * weight_bits > kAccDnnMaxBusWidth)
    return "CPF x KPF x " + std::to_string(weight_bits) + " bits = " +
           std::to_string(cpf * kpf * weight_bits) +
           "-bit weight port exceeds AccDNN's MAX_BUS_WIDTH " + std::to_string(kAccDnnMaxBusWidth);
  return std::nullopt;
}

std::string accdnn_dma_note(const Workload& workload, int split_point) {
  const int n = std::clamp(split_point, 0, workload.stage_count());
  int weighted = 0;
  for (int s = 0; s < n; ++s) weighted += accdnn_has_weights(workload.stage(s)) ? 1 : 0;
  if (weighted <= kAccDnnDmaChannels) return {};
  return " (AccDNN's template streams the weights of at most " +
         std::to_string(kAccDnnDmaChannels) + " of the part's " + std::to_string(weighted) +
         " weighted layers; the other " + std::to_string(weighted - kAccDnnDmaChannels) +
         " keep theirs on chip)";
}

std::vector<bool> accdnn_weights_on_chip(const Workload& workload, int split_point) {
  const int n = std::clamp(split_point, 0, workload.stage_count());
  std::vector<bool> on_chip(static_cast<size_t>(workload.stage_count()), false);
  std::vector<int64_t> sizes;
  for (int s = 0; s < n; ++s)
    if (accdnn_has_weights(workload.stage(s))) sizes.push_back(workload.stage(s).weight_elements);
  const size_t over = sizes.size() > static_cast<size_t>(kAccDnnDmaChannels)
                          ? sizes.size() - static_cast<size_t>(kAccDnnDmaChannels)
                          : 0;
  if (over == 0) return on_chip;
  // The smallest threshold keeping `over` layers on chip: every layer no larger than the
  // over-th smallest (ties go together, as a threshold would take them).
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(over - 1),
                   sizes.end());
  const int64_t threshold = sizes[over - 1];
  for (int s = 0; s < n; ++s) {
    const StageLayer& layer = workload.stage(s);
    if (accdnn_has_weights(layer) && layer.weight_elements <= threshold)
      on_chip[static_cast<size_t>(s)] = true;
  }
  return on_chip;
}

}  // namespace dnne
