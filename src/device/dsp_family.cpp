#include "device/dsp_family.h"

#include "util/enum_names.h"

namespace dnne {

namespace {
constexpr auto kDspFamilies = enum_names<DspFamily>({{DspFamily::kDsp48E1, "DSP48E1"},
                                                     {DspFamily::kDsp48E2, "DSP48E2"},
                                                     {DspFamily::kDsp58, "DSP58"}});
static_assert(kDspFamilies.covers(DspFamily::kDsp58));
}  // namespace

std::string_view dsp_family_name(DspFamily family) {
  return kDspFamilies.name(family);
}

std::optional<DspFamily> parse_dsp_family(std::string_view name) {
  return kDspFamilies.parse(name);
}

std::vector<std::string> dsp_family_names() {
  return kDspFamilies.names();
}

std::string dsp_family_names_listed() {
  return kDspFamilies.listed(", ");
}

}  // namespace dnne
