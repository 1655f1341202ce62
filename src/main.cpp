// pepgen: static-site generator for the joint performance evaluation of
// licensed construction-sector LSPs. Argument handling lives in cli/. Built
// twice: pepgen, and pepgen-alat with the commands that need the workbook
// libraries and the HTTP server (cli/tool_commands.h).
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/tool_commands.h"
#include "util/memory.h"

#if PEPGEN_MIMALLOC
// pepgen links libstdc++ statically (CMakeLists.txt): its operator new would reach mimalloc through
// malloc. These definitions call mimalloc directly, as its shared library's own did.
#include <mimalloc-new-delete.h>
#endif

int main(int argc, char** argv) {
#ifdef PEPGEN_TOOLS  // pepgen-alat: the commands pepgen hands over (cli/tool_commands.h)
    pepgen::register_tool_commands();
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return pepgen::run_with_configured_allocator([&] { return pepgen::run_cli(args, std::cout, std::cerr); });
    } catch (const std::exception& e) {
        std::cerr << "pepgen: kesalahan internal: " << e.what() << "\n";
        return 1;
    }
}
