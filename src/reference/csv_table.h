// A small RFC 4180 CSV reader for the validation data (quoted fields with commas, doubled
// quotes, newlines inside quotes). Rows are addressed by header name.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "util/expected.h"

namespace dnne {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // The cell of `row` under `column`; "" when the row is short.
  const std::string& cell(size_t row, const std::string& column) const;
  bool has_column(const std::string& column) const;

 private:
  friend Expected<CsvTable> parse_csv(const std::string& text, const std::string& source);
  std::map<std::string, size_t> index_;
};

// Errors name the source and line (an unterminated quote, a row wider than the header).
Expected<CsvTable> parse_csv(const std::string& text, const std::string& source);
Expected<CsvTable> read_csv_file(const std::string& path);

}  // namespace dnne
