// AccDNN's per-layer configuration file (its optim.conf, e.g. example/vgg16/optim_vgg16.conf
// in github.com/IBM/AccDNN): an INI file of [layer] sections with CPF, KPF and DMA_DELAY,
// read by Python's ConfigParser in AccDNN's util/misc.py. `bench --design FILE.conf` reads it
// as a pipeline-only design (the DNNBuilder template); the README documents the format.
#pragma once

#include <string>
#include <vector>

#include "design/design.h"
#include "graph/network.h"
#include "model/workload.h"
#include "util/expected.h"

namespace dnne {

// True for a file named *.conf or *.ini, or whose first line that is not blank or a comment
// is a "[section]" header (a design JSON starts with '{').
bool looks_like_accdnn_optim(const std::string& path, const std::string& text);

// Every conv/fc/pool stage must have a section (one naming no layer of the network is ignored,
// as AccDNN ignores it, with a line in `warnings`),
// values must be positive integers within AccDNN's rules (model/accdnn_rules.h), and no
// section or key may repeat. Each problem is one line "SOURCE:LINE: layer 'NAME': what"
// (no line when a layer has no section); all are reported at once. The design pipelines every
// stage at batch 1 (AccDNN's BATCH_SIZE default), weights streamed (WM_HIERARCHY_THRES = 0),
// at 16 bits (AccDNN's DW default) unless the run's --precision says otherwise.
Expected<Design> accdnn_optim_to_design(const std::string& text, const Workload& workload,
                                        const Network& network, const std::string& source,
                                        std::vector<std::string>* warnings = nullptr);

// A design file given to `bench --design`: our JSON (design/design_json.h) or AccDNN's
// optim.conf, told apart by the extension or the content. Lines about optim.conf sections
// that were ignored go to `warnings` when given.
Expected<Design> read_any_design_file(const std::string& path, const Workload& workload,
                                      const Network& network,
                                      std::vector<std::string>* warnings = nullptr);

}  // namespace dnne
