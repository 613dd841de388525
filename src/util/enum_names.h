// The names of an enumeration in one table: name(), parse() and the list of names for help
// text and "did you mean" suggestions all read the same {value, name} pairs, so a name
// written once cannot disagree between the report that prints it and the flag that reads it.
//
//   constexpr auto kParadigms = enum_names<Paradigm>(
//       {{Paradigm::kHybrid, "hybrid"}, {Paradigm::kPipeline, "pipeline"}, ...});
//   kParadigms.name(Paradigm::kHybrid)  -> "hybrid"
//   kParadigms.parse("pipeline")        -> Paradigm::kPipeline (nullopt for an unknown name)
//   kParadigms.listed()                 -> "hybrid, pipeline or generic"
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dnne {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

template <typename E, size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(const EnumName<E> (&entries)[N]) {
    for (size_t i = 0; i < N; ++i) entries_[i] = entries[i];
  }

  // The value's name; "?" for a value not in the table (only a cast can make one).
  constexpr std::string_view name(E value) const {
    for (const auto& e : entries_)
      if (e.value == value) return e.name;
    return "?";
  }

  // The value named exactly `text` (case-sensitive), or nullopt.
  constexpr std::optional<E> parse(std::string_view text) const {
    for (const auto& e : entries_)
      if (e.name == text) return e.value;
    return std::nullopt;
  }

  // Every name, in table order (for suggestions and help text).
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(N);
    for (const auto& e : entries_) out.emplace_back(e.name);
    return out;
  }

  // The names joined for a message: "a, b or c" (`last` between the final two; ", " lists
  // them all alike).
  std::string listed(std::string_view last = " or ") const {
    std::string out;
    for (size_t i = 0; i < N; ++i) {
      if (i > 0) out += i + 1 == N ? last : std::string_view(", ");
      out += entries_[i].name;
    }
    return out;
  }

  // True when no value and no name appears twice.
  constexpr bool distinct() const {
    for (size_t i = 0; i < N; ++i)
      for (size_t j = i + 1; j < N; ++j)
        if (entries_[i].value == entries_[j].value || entries_[i].name == entries_[j].name)
          return false;
    return true;
  }

  // True when the table names every enumerator from 0 through `last` once (and nothing
  // else). A switch gets this from -Wswitch; a table checks it with
  // static_assert(kTable.covers(Enum::kLast)), so an enumerator inserted before the last one
  // cannot go unnamed.
  constexpr bool covers(E last) const {
    if (N != static_cast<size_t>(last) + 1 || !distinct()) return false;
    for (const auto& e : entries_)
      if (static_cast<size_t>(e.value) >= N) return false;
    return true;
  }

  static constexpr size_t size() { return N; }

 private:
  std::array<EnumName<E>, N> entries_{};
};

// Builds a table with the entry count deduced: enum_names<Paradigm>({{...}, {...}}).
template <typename E, size_t N>
constexpr EnumNames<E, N> enum_names(const EnumName<E> (&entries)[N]) {
  return EnumNames<E, N>(entries);
}

}  // namespace dnne
