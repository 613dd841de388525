// `dnnexplorer devices`: the device catalog with the data sheets its figures come from.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "device/catalog.h"
#include "report/device_report.h"

namespace dnne::cli {

Command devices_command() {
  return {"devices", "list the device catalog (DSP, BRAM, bandwidth, clock) with citations",
          [](CLI::App& app) -> Runner {
            auto json = std::make_shared<bool>(false);
            app.add_flag("--json", *json, "print JSON: {\"devices\": [...]}, device-file keys");
            return [json] {
              if (*json)
                std::cout << devices_json(device_catalog()).dump(2) << "\n";
              else
                std::cout << devices_table(device_catalog());
              return 0;
            };
          }};
}

}  // namespace dnne::cli
