// A value or an error message, returned across the library's public API.
//
// Library code never prints or exits (STYLE.md, after abseil's StatusOr and ninja's
// std::string* err): a function that can fail on bad input returns Expected<T>; only the
// CLI's main turns an error into a message on stderr and exit status 2.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace dnne {

// What went wrong, phrased for the user: names the file/field/layer and what was expected.
struct Error {
  std::string message;
};

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}  // NOLINT: implicit on purpose
  Expected(Error error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return checked(); }
  T& value() & { return const_cast<T&>(checked()); }
  T&& value() && { return std::move(const_cast<T&>(checked())); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  const T& checked() const {
    if (!ok()) throw std::logic_error("Expected::value() on an error: " + error().message);
    return std::get<T>(state_);
  }
  std::variant<T, Error> state_;
};

// Thrown inside a parser or builder and caught at the public API boundary, where it becomes
// an Expected's Error. Never escapes the library.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dnne
