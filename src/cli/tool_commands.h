/// The commands kept out of the pepgen program because they need liborcus, libxlsxwriter or
/// cpp-httplib (import, new penilaian, export lsp, serve): loading those libraries would cost
/// every other command, a correction's rebuild included, about 4 ms. pepgen-alat, built beside
/// pepgen, links them; pepgen hands these commands to it whole.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/workflow.h"

namespace pepgen {

struct ToolCommands {
    int (*new_round)(const std::filesystem::path&, const NewRoundOptions&, std::ostream&, std::ostream&);
    int (*import)(const std::filesystem::path&, const ImportOptions&, std::ostream&, std::ostream&);
    int (*export_registry)(const std::filesystem::path&, std::ostream&, std::ostream&);
    int (*serve)(const std::filesystem::path&, int, std::ostream&, std::ostream&);
};

/// Whether `command` (the first argument) is one of them.
bool is_tool_command(const std::string& command);

/// The commands when this program links them (pepgen-alat, the tests), else nothing.
const ToolCommands* tool_commands();
/// Makes them available to run_cli; defined in pepgen_tools, called first thing by its programs.
void register_tool_commands();
void set_tool_commands(const ToolCommands* commands);

/// Runs pepgen-alat from this program's folder with the same arguments, in this process's place
/// (same pid, streams and signal disposition). Returns only when it cannot be started: the
/// message is written to `err` and the exit code returned.
int run_tool_program(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace pepgen
