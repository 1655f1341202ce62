/// Hands memory the program has freed back to the system at points where a
/// build has just dropped a lot of it, so peak memory stays low.
#pragma once

namespace pepgen {

/// After a stage frees most of what it made (loading, one large page).
/// `everywhere`: every thread's free memory, not only the calling thread's.
void release_free_memory(bool everywhere);

/// Sets the allocator up for a build; call once at the start of main.
void configure_allocator();

}  // namespace pepgen
