// The hardware rules of AccDNN (IBM's public DNNBuilder implementation) for one pipeline
// stage: which CPF/KPF its templates can build. One place, so the optim.conf reader and the
// allocators apply the same rules (docs/models.md 3.8 cites each file and line).
#pragma once

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
std::optional<std::string> accdnn_stage_problem(const StageLayer& layer, int64_t cpf, int64_t kpf,
                                                int weight_bits);

}  // namespace dnne
