#include "util/json_fields.h"

#include "util/input_file.h"
#include "util/message_text.h"
#include "util/number_format.h"
#include "util/spellcheck.h"

namespace dnne {

void JsonProblems::add(const std::string& where, const std::string& what) {
  messages_.push_back(source_ + ": " + (where.empty() ? "" : where + ": ") + what);
}

Error JsonProblems::error() const {
  std::string text;
  for (size_t i = 0; i < messages_.size(); ++i) text += (i ? "\n" : "") + messages_[i];
  return Error{text};
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& json, std::string path,
                                   JsonProblems& problems)
    : json_(json), path_(std::move(path)), problems_(problems) {
  if (!json_.is_object())
    problems_.add(path_, std::string("expected an object, got ") + json_.type_name());
}

bool JsonObjectReader::has(const std::string& key) const {
  return json_.is_object() && json_.contains(key);
}

void JsonObjectReader::reject_unknown_keys(const std::vector<std::string>& known) {
  if (!json_.is_object()) return;
  for (const auto& [key, unused] : json_.items()) {
    bool is_known = false;
    for (const auto& name : known) is_known = is_known || name == key;
    if (is_known) continue;
    std::string hint = did_you_mean_suffix(key, known);
    if (hint.empty()) {
      hint = " (expected one of:";
      for (const auto& name : known) hint += " " + name;
      hint += ")";
    }
    problem("unknown key '" + key + "'" + hint);
  }
}

const nlohmann::json* JsonObjectReader::value(const std::string& key, bool required) {
  if (!json_.is_object()) return nullptr;
  auto it = json_.find(key);
  if (it == json_.end()) {
    if (required) problem("missing required key '" + key + "'");
    return nullptr;
  }
  return &*it;
}

void JsonObjectReader::wrong_type(const std::string& key, const char* expected) {
  problem(key + ": expected " + expected + ", got " + json_.at(key).type_name() + " " +
          quote_text(json_.at(key).dump()));
}

std::optional<int64_t> JsonObjectReader::integer(const std::string& key, bool required) {
  const auto* v = value(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    wrong_type(key, "an integer");
    return std::nullopt;
  }
  // nlohmann keeps 2^63..2^64-1 as unsigned; get<int64_t> would wrap it to a negative.
  if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t{INT64_MAX}) {
    problem(key + " " + v->dump() + " must be <= " + std::to_string(INT64_MAX));
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<double> JsonObjectReader::number(const std::string& key, bool required) {
  const auto* v = value(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    wrong_type(key, "a number");
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> JsonObjectReader::boolean(const std::string& key, bool required) {
  const auto* v = value(key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    wrong_type(key, "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::string> JsonObjectReader::string(const std::string& key, bool required) {
  const auto* v = value(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(key, "a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int64_t> JsonObjectReader::integer_at_least(const std::string& key, int64_t minimum,
                                                          bool required, int64_t fallback,
                                                          int64_t maximum) {
  if (!has(key)) {
    if (required) value(key, true);
    return required ? std::nullopt : std::optional<int64_t>(fallback);
  }
  auto v = integer(key, required);
  if (v && *v < minimum) {
    problem(key + " " + std::to_string(*v) + " must be >= " + std::to_string(minimum));
    return std::nullopt;
  }
  if (v && *v > maximum) {
    problem(key + " " + std::to_string(*v) + " must be <= " + std::to_string(maximum));
    return std::nullopt;
  }
  return v;
}

std::optional<double> JsonObjectReader::number_positive(const std::string& key, bool required,
                                                        double fallback, bool allow_zero,
                                                        double maximum) {
  if (!has(key)) {
    if (required) value(key, true);
    return required ? std::nullopt : std::optional<double>(fallback);
  }
  auto v = number(key, required);
  if (v && (allow_zero ? *v < 0 : *v <= 0)) {
    problem(key + " " + format_number(*v) + (allow_zero ? " must be >= 0" : " must be > 0"));
    return std::nullopt;
  }
  if (v && *v > maximum) {
    problem(key + " " + format_number(*v) + " must be <= " + format_number(maximum));
    return std::nullopt;
  }
  return v;
}

std::string did_you_mean_suffix(const std::string& name, const std::vector<std::string>& known) {
  // Only the nearest: "kpf1" suggests 'kpf', not also 'cpf'.
  auto near = nearest_names(name, known);
  if (!near.empty()) {
    const int best = edit_distance(name, near[0]);
    std::erase_if(near, [&](const std::string& n) { return edit_distance(name, n) > best; });
  }
  std::string hint;
  for (size_t i = 0; i < near.size(); ++i)
    hint +=
        (i == 0 ? ", did you mean '" : (i + 1 == near.size() ? " or '" : ", '")) + near[i] + "'";
  return near.empty() ? "" : hint + "?";
}

std::string line_column(const std::string& text, size_t byte) {
  size_t line = 1, column = 1;
  const size_t end = std::min(text.size(), byte > 0 ? byte - 1 : 0);
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Expected<nlohmann::json> parse_json_text(const std::string& text, const std::string& source) {
  const std::string file = quote_text(source, kMaxMessageLineBytes / 2);
  try {
    // nlohmann reports the depth of each value as it parses: stop at the first too deep one
    // (the parser itself is iterative, but dump() and our readers recurse).
    nlohmann::json::parser_callback_t limit_depth = [&](int depth, nlohmann::json::parse_event_t,
                                                        nlohmann::json&) {
      if (depth > kMaxJsonDepth) throw std::length_error("JSON nesting too deep");
      return true;
    };
    return nlohmann::json::parse(text, limit_depth);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's what() reads "[json.exception.parse_error.101] parse error at line L, column
    // C: syntax error while parsing ..."; keep the part after the position.
    std::string what = e.what();
    const size_t at = what.find("syntax error");
    if (at != std::string::npos) what = what.substr(at);
    return Error{file + ":" + line_column(text, e.byte) + ": invalid JSON: " + what};
  } catch (const nlohmann::json::out_of_range& e) {
    // "number overflow parsing '1e999'": a number beyond double range (nlohmann names no
    // position for it).
    std::string what = e.what();
    const size_t at = what.find("number overflow");
    if (at != std::string::npos) what = what.substr(at);
    return Error{file + ": invalid JSON: " + what + " (numbers must fit a double, |x| < 1.8e308)"};
  } catch (const nlohmann::json::exception& e) {
    return Error{file + ": invalid JSON: " + e.what()};
  } catch (const std::length_error&) {
  }
  return Error{file + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
               " levels; a design or device file needs at most 4"};
}

Expected<nlohmann::json> read_json_file(const std::string& path, const std::string& what) {
  try {
    return parse_json_text(read_text_file(path, what), path);
  } catch (const InputError& e) {
    return Error{e.what()};
  }
}

}  // namespace dnne
