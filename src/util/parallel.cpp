#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace pepgen {

void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work) {
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t i; (i = next++) < count;) work(i);
    };
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t helpers = count > 1 ? std::min(count, cores) - 1 : 0;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(run);
    run();
    for (auto& t : threads) t.join();
}

}  // namespace pepgen
