// The commands of cli/tool_commands.h, for the programs that link pepgen_tools.
#include "cli/serve.h"
#include "cli/tool_commands.h"
#include "cli/workflow.h"

namespace pepgen {

void register_tool_commands() {
    static const ToolCommands commands{run_new_round, run_import, run_export_registry, run_serve};
    set_tool_commands(&commands);
}

}  // namespace pepgen
