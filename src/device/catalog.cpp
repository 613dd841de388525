// Finding a device by catalog name, part name or device file (the figures are in catalog_data.cpp).
#include "device/catalog.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "device/device_file.h"
#include "util/spellcheck.h"

namespace dnne {

namespace {
std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A name the user meant as a file rather than a catalog key.
bool looks_like_path(const std::string& text) {
  return text.find('/') != std::string::npos || text.ends_with(".json") ||
         std::filesystem::exists(text);
}
}  // namespace

Expected<Device> find_device(const std::string& name_or_path) {
  const std::string key = lowercase(name_or_path);
  std::vector<std::string> names;
  for (const auto& device : device_catalog()) {
    if (device.name == key) return device;
    names.push_back(device.name);
  }
  // A part name ("xcku115") finds its board when only one board carries it.
  std::vector<const Device*> by_part;
  for (const auto& device : device_catalog())
    if (lowercase(device.part) == key) by_part.push_back(&device);
  if (by_part.size() == 1) return *by_part.front();
  if (by_part.size() > 1) {
    std::string boards;
    for (const Device* d : by_part) boards += (boards.empty() ? "'" : ", '") + d->name + "'";
    return Error{"part '" + name_or_path + "' is on several boards in the catalog: " + boards +
                 "; name one"};
  }
  if (looks_like_path(name_or_path)) return read_device_file(name_or_path);
  std::string message = "unknown device '" + name_or_path + "'" + did_you_mean(name_or_path, names);
  message += "; 'dnnexplorer devices' lists the catalog, or pass a JSON device file";
  return Error{message};
}

}  // namespace dnne
