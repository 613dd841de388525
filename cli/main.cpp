// The dnnexplorer command line: a thin shell over the library. Parses arguments, runs one
// command from the table, maps errors to exit status 2 with one clear line on stderr.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/common.h"
#include "util/message_text.h"
#include "util/spellcheck.h"

namespace {

std::vector<dnne::cli::Command> commands() {
  using namespace dnne::cli;
  return {analyze_command(), models_command(),  devices_command(),      bench_command(),
          explore_command(), compare_command(), accelerators_command(), validate_command()};
}

// CLI11 names an unexpected argument; add the nearest option of the command it was given to.
std::string unexpected_argument_hint(const CLI::App& app, int argc, char** argv) {
  if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    return "unknown command '" + std::string(argv[1]) + "'" + dnne::did_you_mean(argv[1], names);
  }
  const CLI::App* scope = &app;
  for (const CLI::App* sub : app.get_subcommands()) scope = sub;
  std::vector<std::string> known;
  for (const CLI::Option* option : scope->get_options())
    for (const auto& name : option->get_lnames()) known.push_back("--" + name);
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) continue;
    arg = arg.substr(0, arg.find('='));
    bool is_known = false;
    for (const auto& name : known) is_known = is_known || name == arg;
    if (!is_known) return "unknown option '" + arg + "'" + dnne::did_you_mean(arg, known);
  }
  return "";
}

// CLI11 says "Could not convert: --threads = x"; we name the flag and the value the user gave.
std::string conversion_message(const std::string& what) {
  const std::string prefix = "Could not convert: ";
  const size_t equals = what.find(" = ");
  if (what.rfind(prefix, 0) != 0 || equals == std::string::npos) return what;
  const std::string flag = what.substr(prefix.size(), equals - prefix.size());
  return flag + " '" + what.substr(equals + 3) + "': not a valid number for this option";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"DNNExplorer: analyse DNN workloads, model FPGA accelerators, explore designs"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dnnexplorer 0.1.0");
  std::vector<std::pair<CLI::App*, dnne::cli::Runner>> runners;
  for (const auto& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    runners.emplace_back(sub, command.setup(*sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ConversionError& e) {
    std::cerr << "dnnexplorer: error: " << dnne::clip_message(conversion_message(e.what()))
              << "; --help lists the options\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    std::string hint = unexpected_argument_hint(app, argc, argv);
    // One line, as every other error (docs/spec/CLI.md): the hint to --help goes on it.
    std::cerr << "dnnexplorer: error: " << dnne::clip_message(hint.empty() ? e.what() : hint)
              << "; --help lists the options\n";
    return 2;
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "dnnexplorer: internal error: " << dnne::clip_message(e.what()) << "\n";
        return 3;
      }
    }
  return 2;
}
