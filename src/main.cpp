// pepgen: static-site generator for the joint performance evaluation of
// licensed construction-sector LSPs. Argument handling lives in cli/.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
#ifdef M_MMAP_THRESHOLD
    // Rendered pages are strings of hundreds of kilobytes, made on several
    // threads. glibc raises its mmap threshold after the first one is freed, and
    // later pages then fragment the heap: a fixed threshold keeps peak memory
    // about a tenth lower at the same speed (bench/).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return pepgen::run_cli(args, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "pepgen: kesalahan internal: " << e.what() << "\n";
        return 1;
    }
}
