/// Runs independent pieces of work (one per round, say) on every core, the
/// calling thread included. Callers keep results by index, so nothing they
/// produce depends on timing.
#pragma once

#include <cstddef>
#include <functional>

namespace pepgen {

/// Calls work(i) once for every i in [0, count), spread over the cores; returns
/// when all are done. `work` must not throw and must only touch its own index's results.
void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace pepgen
