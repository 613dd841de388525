// The Vega 5 visualization library (UW Interactive Data Lab, BSD-3-Clause) as one inline
// script, embedded at build time from Debian's libjs-vega (src/report/embed_vega.cmake), so
// report.html opens from disk with no network. Running it defines `window.vega`.
#pragma once

#include <iterator>
#include <string>

namespace dnne {

const std::string& vega_bundle_js();
// Debian's copyright file for libjs-vega: the notices and BSD-3-Clause terms that must
// travel with the library.
const std::string& vega_license_text();

}  // namespace dnne
