#include "reference/csv_table.h"

#include <exception>

#include "util/input_file.h"

namespace dnne {

const std::string& CsvTable::cell(size_t row, const std::string& column) const {
  static const std::string empty;
  const auto it = index_.find(column);
  if (it == index_.end() || row >= rows.size() || it->second >= rows[row].size()) return empty;
  return rows[row][it->second];
}

bool CsvTable::has_column(const std::string& column) const {
  return index_.count(column) > 0;
}

Expected<CsvTable> parse_csv(const std::string& text, const std::string& source) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  int line = 1, quote_line = 0;
  auto end_field = [&] {
    record.push_back(field);
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    if (!(record.size() == 1 && record[0].empty())) records.push_back(record);
    record.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_record();
      ++line;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted)
    return Error{source + ":" + std::to_string(quote_line) + ": a quoted field is never closed"};
  if (any && (!field.empty() || !record.empty())) end_record();
  if (records.empty()) return Error{source + ": no header row, expected a CSV file"};
  CsvTable table;
  table.header = records.front();
  for (size_t i = 0; i < table.header.size(); ++i) table.index_[table.header[i]] = i;
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() > table.header.size())
      return Error{source + ": row " + std::to_string(r + 1) + " has " +
                   std::to_string(records[r].size()) + " fields, the header " +
                   std::to_string(table.header.size())};
    table.rows.push_back(records[r]);
  }
  return table;
}

Expected<CsvTable> read_csv_file(const std::string& path) {
  try {
    return parse_csv(read_text_file(path, "a CSV file"), path);
  } catch (const std::exception& e) {
    return Error{e.what()};
  }
}

}  // namespace dnne
