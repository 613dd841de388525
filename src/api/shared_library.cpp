// libdnnexplorer.so is the library core linked whole (cmake/install_library.cmake); a shared
// library needs a source of its own, and this is it. The API is in public_api.cpp.
#include <dnnexplorer/dnnexplorer.h>
