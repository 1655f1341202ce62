#include "util/memory.h"

#if PEPGEN_MIMALLOC
#include <mimalloc.h>
#elif __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace pepgen {

void release_free_memory(bool everywhere) {
#if PEPGEN_MIMALLOC
    // mimalloc keeps freed pages with the thread that freed them; collecting
    // after a large page lets the next one reuse the memory instead of adding to it.
    mi_collect(everywhere);
#else
    (void)everywhere;  // glibc reuses freed memory across threads by itself
#endif
}

void configure_allocator() {
#if !PEPGEN_MIMALLOC && defined(M_MMAP_THRESHOLD)
    // Rendered pages are strings of hundreds of kilobytes, made on several
    // threads. glibc raises its mmap threshold after the first one is freed, and
    // later pages then fragment the heap: a fixed threshold keeps peak memory
    // about a tenth lower at the same speed (bench/).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

}  // namespace pepgen
