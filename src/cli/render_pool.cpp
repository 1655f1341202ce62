#include "cli/render_pool.h"

#include <cstdlib>

namespace pepgen {

std::size_t thread_count() {
    if (const char* env = std::getenv("PEPGEN_THREADS")) {
        const long n = std::strtol(env, nullptr, 10);
        if (n >= 1 && n <= 256) return static_cast<std::size_t>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace pepgen
