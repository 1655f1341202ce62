/// How pepgen's memory comes from the system: the allocator's settings for a
/// build, and handing freed memory back where a build has just dropped a lot.
#pragma once

#include <functional>

namespace pepgen {

/// After a stage frees most of what it made (loading, one large page).
/// `everywhere`: every thread's free memory, not only the calling thread's.
void release_free_memory(bool everywhere);

/// Sets the allocator up for a build, then runs `command` where those settings
/// hold for all it allocates, and returns its result (an exception it throws is
/// thrown again here). Call once, from main, with the whole command.
int run_with_configured_allocator(const std::function<int()>& command);

}  // namespace pepgen
