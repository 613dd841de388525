// Reading a hand-written JSON object field by field while collecting every problem (after
// ZigZag's validator: parse, validate everything, then build a typed spec). Used by the
// device and design file readers so their messages look alike:
//   "design.json: pipeline.stages[3] (conv3_1): cpf 0 must be >= 1"
//   "design.json: pipeline.stages[0]: unknown key 'kpf1', did you mean 'kpf'?"
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "util/expected.h"

namespace dnne {

// Every problem found in one file, each starting with the file's name.
class JsonProblems {
 public:
  explicit JsonProblems(std::string source) : source_(std::move(source)) {}
  // `where` is the object path ("pipeline.stages[3] (conv3_1)"), empty for the top level.
  void add(const std::string& where, const std::string& what);
  bool empty() const { return messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }
  // All problems, one per line.
  Error error() const;

 private:
  std::string source_;
  std::vector<std::string> messages_;
};

// One JSON object at `path`; each accessor reports a missing required key or a wrong type and
// returns nullopt, so the caller can go on checking the other fields.
class JsonObjectReader {
 public:
  JsonObjectReader(const nlohmann::json& json, std::string path, JsonProblems& problems);

  bool is_object() const { return json_.is_object(); }
  bool has(const std::string& key) const;
  const std::string& path() const { return path_; }
  // Reports every key not in `known`, with the nearest known key as a suggestion.
  void reject_unknown_keys(const std::vector<std::string>& known);

  std::optional<int64_t> integer(const std::string& key, bool required);
  std::optional<double> number(const std::string& key, bool required);
  std::optional<bool> boolean(const std::string& key, bool required);
  std::optional<std::string> string(const std::string& key, bool required);
  // The raw value (nullptr when absent; reports it when required).
  const nlohmann::json* value(const std::string& key, bool required);

  // An integer in [minimum, maximum], or `fallback` when absent and optional; reports
  // "key V must be >= M" / "key V must be <= M".
  std::optional<int64_t> integer_at_least(const std::string& key, int64_t minimum, bool required,
                                          int64_t fallback = 0,
                                          int64_t maximum = std::numeric_limits<int64_t>::max());
  // A number > 0 (strictly) or >= 0 and <= maximum, or `fallback` when absent and optional.
  std::optional<double> number_positive(const std::string& key, bool required, double fallback = 0,
                                        bool allow_zero = false,
                                        double maximum = std::numeric_limits<double>::infinity());

  void problem(const std::string& what) { problems_.add(path_, what); }

 private:
  void wrong_type(const std::string& key, const char* expected);
  const nlohmann::json& json_;
  std::string path_;
  JsonProblems& problems_;
};

// ", did you mean 'kpf'?" (or "" when nothing is near), the form file diagnostics use.
std::string did_you_mean_suffix(const std::string& name, const std::vector<std::string>& known);

// "design.json:3:14" for a byte offset into `text` (nlohmann's parse_error::byte is 1-based).
std::string line_column(const std::string& text, size_t byte);

// Design and device files nest 4 levels; deeper is not one of ours (cap: ours).
inline constexpr int kMaxJsonDepth = 64;

// Parses `text` as JSON; a syntax error becomes "source:line:column: invalid JSON: ...",
// a number beyond double range or nesting deeper than kMaxJsonDepth an error too.
Expected<nlohmann::json> parse_json_text(const std::string& text, const std::string& source);

// Reads (util/input_file.h: regular files of at most 64 MiB) and parses a JSON file; errors
// name the file. `what` names the expected content: "PATH: is a directory, expected WHAT".
Expected<nlohmann::json> read_json_file(const std::string& path,
                                        const std::string& what = "a JSON file");

}  // namespace dnne
