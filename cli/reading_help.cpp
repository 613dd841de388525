// Keep in step with the README's "Reading the output" section (tests/cli/help_text_test.cpp
// checks that every term is explained in both).
#include "cli/reading_help.h"

namespace dnne::cli {

const char* reading_design_output() {
  return R"(Reading the output (README "Reading the output" has more):
  kind, part    the layer's kind (conv, fc, matmul, pool, eltwise, concat, resample, fused)
                and where it runs: its own pipeline stage, or the shared generic engine.
  cycles/frame, us/frame  one frame's time in the layer. Pipeline layers: one frame on one
                replica; the pipeline's batch B builds B copies of it, working on B frames at
                once, so B frames finish every period. Engine (generic) layers: a pass over the
                engine's batch of frames divided by that batch.
  bound         what limits the layer: dsp (its multipliers), bram (buffers too small, so data
                is fetched again), bandwidth (external memory), dependency (it waits on a
                slower stage or on the other part: speeding it up gains nothing).
  DSP, BRAM18   a pipeline layer's own stage (all replicas); an engine layer shows the whole
                engine it runs on (the engine is shared: do not add these up).
  avg GB/s      the layer's DRAM traffic averaged over its part's period; a bandwidth-bound
                layer draws more while it runs. BW share: its share of the design's total.
  throughput    frames/s and GOP/s of the whole design (all replicas); latency: one frame,
                input to output, ms.
  DSP efficiency  GOP/s over the peak of the DSPs used (2 ops x MACs per DSP x clock). Above
                100 % only in Winograd mode: F(m x m,3x3) does a 3x3 conv's MACs with fewer
                multiplies (4x fewer for F(4x4,3x3)). --no-winograd gives spatial engines
                only, the setting comparable with the DNNBuilder/HybridDNN papers' baselines.
  --objective   throughput (default) may buy frames/s with latency (large batches); latency
                picks the fewest ms per frame; dsp_efficiency the highest efficiency.
  *, budget from  a budget figure given by a flag is marked *; the "budget from:" line says
                where each figure came from (device, flag or design file).
  KiB           1,024 bytes.)";
}

const char* reading_compare_output() {
  return R"(Reading the output (README "Reading the output" has more):
  rows          the best design of each paradigm on the same budget and objective: pipeline
                only (DNNBuilder's heuristic, and our min-max allocator), generic engine only,
                and the hybrid (the first split layers pipelined, the rest on an engine).
  split         pipelined stage layers / all stage layers (0/N generic, N/N pipeline).
  speed-up      the hybrid's frames/s over the row's.
  latency ms    one frame, input to output; latency ratio: the hybrid's over the row's (above
                1.00x the hybrid takes longer per frame, typically for larger batches).
  DSP eff.      GOP/s over the peak of the DSPs used; above 100 % only in Winograd mode
                (fewer multiplies than MACs). --no-winograd for spatial engines only, the
                setting comparable with the DNNBuilder/HybridDNN papers' baselines.
  objective     throughput (default) may buy frames/s with latency; --objective latency ranks
                by ms per frame.
  *, budget from  a budget figure given by a flag is marked *; "budget from:" says where each
                figure came from.)";
}

const char* reading_analyze_output() {
  return R"(Reading the output (README "Reading the output" has more):
  window        kernel HxW, then /stride (/SHxSW when they differ), pN the largest padding,
                gN groups, dN dilation: "3x3/2 p1 g32" is a 3x3 conv of stride 2, padding 1,
                in 32 groups; "global" for global pooling.
  output        the layer's output, channels x height x width (per frame).
  MACs, params  multiply-accumulates per frame (1 MAC = 2 ops); weights + biases.
  in/out/wt KiB bytes read, written and weights at the chosen precision (1 KiB = 1,024 bytes).
  CTC           operations per byte of DRAM traffic without reuse (computation to
                communication ratio).
  fused         activations and batch norms folded into the layer.)";
}

}  // namespace dnne::cli
