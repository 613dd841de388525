#include "device/device.h"

namespace dnne {

std::string_view dsp_family_name(DspFamily family) {
  switch (family) {
    case DspFamily::kDsp48E1:
      return "DSP48E1";
    case DspFamily::kDsp48E2:
      return "DSP48E2";
    case DspFamily::kDsp58:
      return "DSP58";
  }
  return "DSP48E2";
}

std::vector<std::string> dsp_family_names() {
  return {"DSP48E1", "DSP48E2", "DSP58"};
}

}  // namespace dnne
