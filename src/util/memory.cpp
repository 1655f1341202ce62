#include "util/memory.h"

#include <pthread.h>
#include <sys/resource.h>

#include <csignal>
#include <exception>

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

namespace {

struct Call {
    const std::function<int()>* command = nullptr;
    int result = 1;
    std::exception_ptr failure;
    sigset_t mask_before{};  ///< the caller's signal mask, which the command starts with
    sigset_t mask_after{};   ///< the command's signal mask when it ended
};

void* call_command(void* arg) {
    auto* call = static_cast<Call*>(arg);
    pthread_sigmask(SIG_SETMASK, &call->mask_before, nullptr);
    try {
        call->result = (*call->command)();
    } catch (...) {
        call->failure = std::current_exception();
    }
    pthread_sigmask(SIG_SETMASK, nullptr, &call->mask_after);
    return nullptr;
}

/// The stack the main thread would have had: the command's recursion (templates,
/// nested data) gets as deep on its own thread as it did there.
std::size_t main_stack_size() {
    constexpr std::size_t kFloor = 8u << 20, kUnlimited = 64u << 20;
    rlimit limit{};
    if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kUnlimited;
    return limit.rlim_cur > kFloor ? static_cast<std::size_t>(limit.rlim_cur) : kFloor;
}

}  // namespace

int run_with_configured_allocator(const std::function<int()>& command) {
#if PEPGEN_MIMALLOC
    // A rebuild after one corrected score allocates some 50 MB for a few tenths of a second. In
    // 4 KiB pages that is 12,000 page faults, and on a virtual machine each one is a trip through
    // the hypervisor (measured at 2,000 LSPs: faults took about 40 % of the rebuild's CPU). Segments
    // committed whole, in 2 MiB pages, take the same memory in a few hundred faults. Peak memory
    // rises by the unused part of each thread's last 2 MiB (at 10,000 LSPs, 202 -> 217-244 MiB in the
    // benches of 1 December, against a 250 MiB target).
    mi_option_set(mi_option_large_os_pages, 1);
    mi_option_set(mi_option_eager_commit_delay, 0);
#elif defined(M_MMAP_THRESHOLD)
    // Rendered pages are strings of hundreds of kilobytes, made on several
    // threads. glibc raises its mmap threshold after the first one is freed, and
    // later pages then fragment the heap: a fixed threshold keeps peak memory
    // about a tenth lower at the same speed (bench/).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    // The settings hold for memory the allocator takes from now on, and this thread's first block
    // was taken before main. The command runs on a new thread, whose heap starts under them.
    // Signals sent to the process go to the command's threads, as when it ran here: cli/interrupt.h
    // blocks the stop signals on the command's thread and waits for them on one of its own. This
    // thread only waits, with every signal blocked from before the command starts (a command that
    // fails at once must not find a signal taken here). Afterwards it takes the mask the command
    // ended with, as main would have had it: a stop signal the command left blocked (serve, failing
    // to start) stays pending through the exit instead of ending the process.
    Call call;
    call.command = &command;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &call.mask_before);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, main_stack_size());
    pthread_t thread;
    const int started = pthread_create(&thread, &attr, call_command, &call);
    pthread_attr_destroy(&attr);
    if (started != 0) {  // no thread to be had: the same work here, in small pages
        pthread_sigmask(SIG_SETMASK, &call.mask_before, nullptr);
        return command();
    }
    pthread_join(thread, nullptr);
    pthread_sigmask(SIG_SETMASK, &call.mask_after, nullptr);
    if (call.failure) std::rethrow_exception(call.failure);
    return call.result;
}

}  // namespace pepgen
