// Parameter blocks from Caffe forks (SSD's permute_param and prior_box_param, ...) that BVLC's
// caffe.proto does not define. With --allow-unknown the layers carrying them are imported as
// unknown layers; for the text to parse at all, each such block is blanked out first.
#pragma once

#include <optional>
#include <string>

namespace dnne {

// Blanks the field `name` (its name and value, a scalar or a `{ ... }` block) that protobuf
// reported as unknown at `line`:`column` (1-based; protobuf points just past the name).
// Newlines are kept, so every other position in the text stays where it was. Returns false
// when the text there is not that field.
bool blank_unknown_field(std::string& text, int line, int column, const std::string& name);

// As blank_unknown_field, and returns the field's value as written (a `{ ... }` block with its
// braces, or a scalar), nullopt when the text there is not that field.
std::optional<std::string> take_unknown_field(std::string& text, int line, int column,
                                              const std::string& name);

}  // namespace dnne
