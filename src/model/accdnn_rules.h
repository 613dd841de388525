// The hardware rules of AccDNN (IBM's public DNNBuilder implementation) for one pipeline
// stage: which CPF/KPF its templates can build. One place, so the optim.conf reader and the
// allocators apply the same rules (docs/models.md 3.8 cites each file and line).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/workload.h"

namespace dnne {

// settings.py: MAX_CPF = 64, MAX_KPF = 64.
inline constexpr int kAccDnnMaxCpf = 64;
inline constexpr int kAccDnnMaxKpf = 64;
// settings.py: MAX_BUS_WIDTH = 4096, the widest weight memory read port
// (layers/convolution.py: wm_rd_width = CPF * KPF * weight bits must not exceed it).
inline constexpr int kAccDnnMaxBusWidth = 4096;
// settings.py: MAX_DDR_DMA_DELAY = 2 (util/misc.py get_layer_dma_delay rejects larger).
inline constexpr int kAccDnnMaxDmaDelay = 2;
// settings.py: INPUT_CHANNEL_PADDING = 1; model.py parser adds it to the first layer's input
// channels (RGB -> RGBX), so the first layer may take CPF = 4 on 3 channels.
inline constexpr int kAccDnnInputChannelPadding = 1;
// settings.py: DDR_DATA_WIDTH = 512, the write port of a streamed layer's ping-pong weight
// memory (layers/convolution.py ips_generate: wm_wr_width = ddr_data_width).
inline constexpr int kAccDnnDdrDataWidth = 512;
// settings.py: DDR_DMA_ENGINE_NUM = 15. model.py memory_coe_file_gen gives every layer whose
// weights stream from DDR its own channel (ddr_dma_id) and the generated wiring
// (code_dma_delay_gen, the dma_delays array) has 15; the README asks for fewer than 15
// conv + fc layers. Layers whose weights stay on chip (below WM_HIERARCHY_THRES) take none.
inline constexpr int kAccDnnDmaChannels = 15;
// layers/layer.py: bn_dw = MAX_DW = 16, the width of a batch-norm scale and shift.
inline constexpr int kAccDnnBatchNormBits = 16;

inline bool is_power_of_two(int64_t v) { return v > 0 && (v & (v - 1)) == 0; }

// The input channels per group AccDNN's CPF divides: C/g, plus its padding channel on a
// layer that reads the network input (model.py parser pads the first layer).
int64_t accdnn_cpf_channels(const StageLayer& layer);

// AccDNN's candidate parallelism for n channels: the powers of two up to `cap` that divide n
// (util/optim.py get_avaliable_pfs; at least {1}).
std::vector<int> accdnn_parallelism_values(int64_t n, int cap);

// Why AccDNN would refuse (cpf, kpf) for `layer`, or nullopt when it builds it. `weight_bits` is the weights' width (the
// port rule). Conv and fc: CPF and KPF powers of two, each at most 64, CPF <= C/g (+ padding
// for the first stage), KPF <= M/g, CPF*KPF*bits <= 4096 (layers/convolution.py
// module_params_compute). Pooling: KPF a power of two, at most 64 and the channels
// (layers/pooling.py); CPF is not used. Other kinds have no AccDNN template: nullopt (the
// caller decides).
// AccDNN also raises KPF to 2 on a layer of an even kernel count at 8-bit activations, where
// one DSP carries two multipliers (layers/convolution.py module_params_compute, dsp_split), so
// KPF 1 is refused there (`bits` is the run's precision, activations and weights alike) unless
// the layer has a single output channel per group (a depthwise conv, where KPF 2 would break
// the KPF <= M/g rule AccDNN checked before raising it).
std::optional<std::string> accdnn_stage_problem(const StageLayer& layer, int64_t cpf, int64_t kpf,
                                                int bits);

// The smallest KPF AccDNN builds for a conv/fc `layer` at `bits`: 2 under its 8-bit DSP split
// (an even kernel count, more than one output channel per group), else 1.
inline int64_t accdnn_min_kpf(const StageLayer& layer, int bits) {
  const int64_t per_group = layer.M / std::max(1, layer.groups);
  return bits == 8 && layer.M % 2 == 0 && per_group >= 2 ? 2 : 1;
}

// Which weighted stages of [0, split_point) keep their weights on chip in AccDNN's template so
// that at most kAccDnnDmaChannels stream from DDR: its WM_HIERARCHY_THRES rule (weights below
// the threshold stay in on-chip ROM, layers/convolution.py ips_generate) at the smallest
// threshold that leaves at most that many streamed layers (settings.py's default, 0, streams
// every layer). Indexed by stage; false for stages without weights.
std::vector<bool> accdnn_weights_on_chip(const Workload& workload, int split_point);

// A stage with weights (conv, fc): it needs a DMA channel when its weights stream.
inline bool accdnn_has_weights(const StageLayer& layer) {
  return (layer.kind == LayerKind::kConv || layer.kind == LayerKind::kFc) &&
         layer.weight_elements > 0;
}

// A rejection's note when [0, split_point) holds more weighted layers than the template has
// DMA channels (why a deep part needs so much BRAM: the rest keep their weights on chip), or
// "" when it does not.
std::string accdnn_dma_note(const Workload& workload, int split_point);

}  // namespace dnne
