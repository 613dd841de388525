// Reading AccDNN's optim.conf. The subset of Python's ConfigParser syntax AccDNN's files use
// ("[section]", "key = value" or "key: value", '#'/';' comment lines, case-insensitive keys),
// stricter where ConfigParser would silently guess: AccDNN defaults a missing or unreadable
// CPF/KPF to 1 with a printed warning (util/misc.py get_layer_cpf/kpf), which turns a typo
// into a slow design; here it is an error naming the line.
#include "api/accdnn_optim.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "design/design_json.h"
#include "model/accdnn_rules.h"
#include "util/input_file.h"
#include "util/json_fields.h"
#include "util/message_text.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool is_comment_or_blank(const std::string& t) { return t.empty() || t[0] == '#' || t[0] == ';'; }

// Strips an inline comment: " ;..." or " #..." (ConfigParser 2 strips " ;").
std::string strip_inline_comment(const std::string& v) {
  for (size_t i = 1; i < v.size(); ++i)
    if ((v[i] == ';' || v[i] == '#') && std::isspace(static_cast<unsigned char>(v[i - 1])))
      return trim(v.substr(0, i));
  return v;
}

struct Value {
  int line = 0;
  std::string text;
};

struct Section {
  int line = 0;
  std::map<std::string, Value> keys;  // lower-case key -> value
};

const std::vector<std::string>& known_keys() {
  static const std::vector<std::string> keys{"cpf", "kpf", "dma_delay"};
  return keys;
}

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  std::string where(int line, const std::string& layer) const {
    std::string m = quote_text(source_, kMaxMessageLineBytes / 2);
    if (line > 0) m += ":" + std::to_string(line);
    m += ": ";
    if (!layer.empty()) m += "layer '" + quote_text(layer) + "': ";
    return m;
  }
  void problem(int line, const std::string& layer, const std::string& what) {
    problems_.push_back(where(line, layer) + what);
  }
  bool ok() const { return problems_.empty(); }
  Error error() const {
    std::string text;
    for (size_t i = 0; i < problems_.size(); ++i) text += (i ? "\n" : "") + problems_[i];
    return Error{text};
  }

  // Sections in file order, by name.
  std::vector<std::pair<std::string, Section>> parse(const std::string& text) {
    std::vector<std::pair<std::string, Section>> sections;
    std::map<std::string, size_t> index;
    std::istringstream in(text);
    std::string raw;
    int line = 0;
    Section* current = nullptr;
    std::string current_name;
    while (std::getline(in, raw)) {
      ++line;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      const std::string t = trim(raw);
      if (is_comment_or_blank(t)) continue;
      if (std::isspace(static_cast<unsigned char>(raw[0]))) {
        problem(line, current_name,
                "indented line '" + quote_text(t) + "': continuation lines are not supported");
        continue;
      }
      if (t[0] == '[') {
        const size_t close = t.find(']');
        const std::string rest = close == std::string::npos ? "" : trim(t.substr(close + 1));
        const std::string name = close == std::string::npos ? "" : trim(t.substr(1, close - 1));
        if (close == std::string::npos || name.empty() || !is_comment_or_blank(rest)) {
          problem(line, "", "'" + quote_text(t) + "': expected a section header '[layer_name]'");
          current = nullptr;
          current_name.clear();
          continue;
        }
        if (auto it = index.find(name); it != index.end()) {
          problem(line, name,
                  "duplicate section (first at line " +
                      std::to_string(sections[it->second].second.line) + ")");
          current = nullptr;  // its keys are not read: the first section stands
          current_name = name;
          continue;
        }
        index[name] = sections.size();
        sections.push_back({name, Section{.line = line, .keys = {}}});
        current = &sections.back().second;
        current_name = name;
        continue;
      }
      const size_t sep = t.find_first_of("=:");
      if (sep == std::string::npos) {
        problem(line, current_name, "'" + quote_text(t) + "': expected 'KEY = VALUE'");
        continue;
      }
      const std::string key = lower(trim(t.substr(0, sep)));
      const std::string value = strip_inline_comment(trim(t.substr(sep + 1)));
      if (current_name.empty()) {
        problem(line, "", "'" + quote_text(t) + "' before any [layer] section");
        continue;
      }
      if (std::find(known_keys().begin(), known_keys().end(), key) == known_keys().end()) {
        problem(line, current_name,
                "unknown key '" + quote_text(trim(t.substr(0, sep))) + "', expected CPF, KPF or DMA_DELAY" +
                    did_you_mean(key, known_keys()));
        continue;
      }
      if (!current) continue;  // inside a duplicate section, already reported
      if (auto it = current->keys.find(key); it != current->keys.end()) {
        problem(line, current_name,
                "duplicate key " + quote_text(trim(t.substr(0, sep))) + " (first at line " +
                    std::to_string(it->second.line) + ")");
        continue;
      }
      current->keys[key] = Value{.line = line, .text = value};
    }
    return sections;
  }

  // A positive integer (DMA_DELAY: non-negative) of at most 9 digits.
  std::optional<int64_t> integer(const Section& s, const std::string& key, const char* label,
                                 const std::string& layer, bool allow_zero) {
    auto it = s.keys.find(key);
    if (it == s.keys.end()) return std::nullopt;
    const std::string& v = it->second.text;
    const bool digits = !v.empty() && v.size() <= 9 &&
                        std::all_of(v.begin(), v.end(),
                                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    const int64_t n = digits ? std::stoll(v) : -1;
    if (!digits || (n == 0 && !allow_zero)) {
      problem(it->second.line, layer,
              std::string(label) + " '" + quote_text(v) + "': expected a " +
                  (allow_zero ? "non-negative" : "positive") + " integer");
      return std::nullopt;
    }
    return n;
  }

  int line_of(const Section& s, const std::string& key) const {
    auto it = s.keys.find(key);
    return it == s.keys.end() ? s.line : it->second.line;
  }

 private:
  std::string source_;
  std::vector<std::string> problems_;
};

bool accdnn_builds(LayerKind kind) {
  return kind == LayerKind::kConv || kind == LayerKind::kFc || kind == LayerKind::kPool;
}

}  // namespace

bool looks_like_accdnn_optim(const std::string& path, const std::string& text) {
  auto ends_with = [&](const std::string& suffix) {
    return path.size() >= suffix.size() &&
           lower(path.substr(path.size() - suffix.size())) == suffix;
  };
  if (ends_with(".conf") || ends_with(".ini")) return true;
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    const std::string t = trim(raw);
    if (is_comment_or_blank(t)) continue;
    // "[name]" alone on its line (a JSON array such as [1, 2] or ["a"] is not a header).
    const size_t close = t.find(']');
    if (t[0] != '[' || close == std::string::npos || !is_comment_or_blank(trim(t.substr(close + 1))))
      return false;
    const std::string name = t.substr(1, close - 1);
    return !trim(name).empty() && name.find_first_of("\",") == std::string::npos;
  }
  return false;
}

Expected<Design> accdnn_optim_to_design(const std::string& text, const Workload& workload,
                                        const Network& network, const std::string& source,
                                        std::vector<std::string>* warnings) {
  Reader r(source);
  const auto sections = r.parse(text);
  std::map<std::string, const Section*> by_name;
  for (const auto& [name, s] : sections) by_name[name] = &s;

  // A section naming no layer of the network is ignored, as AccDNN ignores it (its KITTI
  // example keeps a [pool6] for a pooling layer its network no longer has), with a warning;
  // a misspelt layer name still fails, as the layer it meant then has no section. Sections
  // for layers AccDNN folds or skips (ReLU, BatchNorm, Softmax, ...) are ignored silently.
  std::vector<std::string> layer_names;
  for (const Layer& l : network.layers()) layer_names.push_back(l.name);
  for (const auto& [name, s] : sections)
    if (std::find(layer_names.begin(), layer_names.end(), name) == layer_names.end() &&
        warnings)
      warnings->push_back(r.where(s.line, name) + "no such layer in " + workload.name +
                          did_you_mean(name, layer_names) + "; section ignored");

  const int n = workload.stage_count();
  // AccDNN streams every layer's weights unless WM_HIERARCHY_THRES keeps small ones on chip;
  // the file does not say, so the smallest threshold the template's 15 DMA channels allow.
  const std::vector<bool> on_chip = accdnn_weights_on_chip(workload, n);
  Design design;
  design.split_point = n;
  design.precision_bits = 16;  // AccDNN's DW (settings.py)
  design.pipeline.batch = 1;   // AccDNN's BATCH_SIZE (settings.py)
  design.pipeline.stages.assign(static_cast<size_t>(n), StageParallelism{});
  for (int i = 0; i < n; ++i) {
    const StageLayer& stage = workload.stage(i);
    const std::string& name = network.layer(stage.layer).name;
    auto found = by_name.find(name);
    if (!accdnn_builds(stage.kind)) {
      if (stage.kind == LayerKind::kFused) continue;  // folded or skipped by AccDNN: KPF 1
      r.problem(found == by_name.end() ? 0 : found->second->line, name,
                "a " + std::string(kind_name(stage.kind)) +
                    " stage, which AccDNN's template (conv, fc, pooling) does not build");
      continue;
    }
    if (found == by_name.end()) {
      r.problem(0, name,
                "stage " + std::to_string(i) + " (" + std::string(kind_name(stage.kind)) +
                    ") has no [" + name + "] section");
      continue;
    }
    const Section& s = *found->second;
    const bool weighted = stage.kind != LayerKind::kPool;
    const auto cpf = r.integer(s, "cpf", "CPF", name, false);
    const auto kpf = r.integer(s, "kpf", "KPF", name, false);
    const auto delay = r.integer(s, "dma_delay", "DMA_DELAY", name, true);
    if (!s.keys.count("kpf")) r.problem(s.line, name, "missing KPF");
    if (weighted && !s.keys.count("cpf")) r.problem(s.line, name, "missing CPF");
    if (delay && *delay > kAccDnnMaxDmaDelay)
      r.problem(r.line_of(s, "dma_delay"), name,
                "DMA_DELAY " + std::to_string(*delay) + " exceeds AccDNN's MAX_DDR_DMA_DELAY " +
                    std::to_string(kAccDnnMaxDmaDelay));
    // Pooling: AccDNN reads KPF only (model.py parser), so a CPF there is checked and ignored.
    if (!weighted && cpf && (!is_power_of_two(*cpf) || *cpf > kAccDnnMaxCpf))
      r.problem(r.line_of(s, "cpf"), name,
                "CPF " + std::to_string(*cpf) + " must be a power of two of at most " +
                    std::to_string(kAccDnnMaxCpf));
    if (!kpf || (weighted && !cpf)) continue;
    const int64_t c = weighted ? *cpf : 1;
    if (auto p = accdnn_stage_problem(stage, c, *kpf, design.precision_bits)) {
      const bool about_cpf = p->rfind("CPF", 0) == 0 && p->find("x KPF") == std::string::npos;
      r.problem(about_cpf ? r.line_of(s, "cpf") : r.line_of(s, "kpf"), name, *p);
      continue;
    }
    design.pipeline.stages[static_cast<size_t>(i)] = {
        .cpf = static_cast<int>(c),
        .kpf = static_cast<int>(*kpf),
        .weights_on_chip = on_chip[static_cast<size_t>(i)]};
  }
  if (!r.ok()) return r.error();
  return design;
}

Expected<Design> read_any_design_file(const std::string& path, const Workload& workload,
                                      const Network& network, std::vector<std::string>* warnings) {
  std::string text;
  try {
    text = read_text_file(path, "a design file (JSON, or AccDNN's optim.conf)");
  } catch (const InputError& e) {
    return Error{e.what()};
  }
  if (looks_like_accdnn_optim(path, text))
    return accdnn_optim_to_design(text, workload, network, path, warnings);
  auto json = parse_json_text(text, path);
  if (!json) return json.error();
  return design_from_json(*json, stage_names(workload, network), path);
}

}  // namespace dnne
