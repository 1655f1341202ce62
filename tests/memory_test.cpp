// util/memory: the command runs where the allocator's settings hold for all it allocates, with its
// result, its exceptions and the process's signals reaching it as when main ran it directly.
#include <catch2/catch.hpp>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <stdexcept>
#include <thread>

#include "util/memory.h"

#if PEPGEN_MIMALLOC
#include <mimalloc.h>
#endif

using namespace pepgen;

namespace {

std::atomic<pthread_t> signalled_thread{};
std::atomic<bool> signalled{false};

void note_signal(int) {
    signalled_thread = pthread_self();
    signalled = true;
}

}  // namespace

TEST_CASE("the command runs on a thread of its own and hands back its result and its exceptions", "[memory]") {
    const auto caller = pthread_self();
    bool elsewhere = false;
    CHECK(run_with_configured_allocator([&] {
              elsewhere = !pthread_equal(pthread_self(), caller);
              return 7;
          }) == 7);
    CHECK(elsewhere);
    CHECK_THROWS_WITH(run_with_configured_allocator([]() -> int { throw std::runtime_error("rusak"); }), "rusak");
}

#if PEPGEN_MIMALLOC
TEST_CASE("the command allocates from segments committed whole in large pages", "[memory]") {
    bool large = false, eager = false;
    run_with_configured_allocator([&] {
        large = mi_option_is_enabled(mi_option_large_os_pages);
        eager = mi_option_get(mi_option_eager_commit_delay) == 0;
        return 0;
    });
    CHECK(large);
    CHECK(eager);
}
#endif

TEST_CASE("a signal sent to the process reaches the command's thread, not the one waiting for it", "[memory]") {
    // Linux gives a process-wide signal to the main thread first when it does not block it; a
    // stop signal there would end pepgen without cli/interrupt.h's cleanup.
    struct sigaction action {}, before {};
    action.sa_handler = note_signal;
    sigemptyset(&action.sa_mask);
    REQUIRE(sigaction(SIGUSR2, &action, &before) == 0);
    sigset_t mask_before, mask_after;
    pthread_sigmask(SIG_SETMASK, nullptr, &mask_before);
    signalled = false;
    pthread_t command_thread{};
    run_with_configured_allocator([&] {
        command_thread = pthread_self();
        ::kill(::getpid(), SIGUSR2);
        for (int i = 0; i < 1000 && !signalled; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return 0;
    });
    sigaction(SIGUSR2, &before, nullptr);
    REQUIRE(signalled);
    CHECK(pthread_equal(signalled_thread.load(), command_thread));
    pthread_sigmask(SIG_SETMASK, nullptr, &mask_after);
    CHECK(sigismember(&mask_after, SIGUSR2) == sigismember(&mask_before, SIGUSR2));
    CHECK(sigismember(&mask_after, SIGINT) == sigismember(&mask_before, SIGINT));
}

TEST_CASE("the waiting thread blocks every signal before the command can start", "[memory]") {
    // A command that fails at once (serve without a TMPDIR) prints and returns within microseconds:
    // a stop signal sent when its message appears must not find the waiting thread still open to it.
    const auto caller = ::gettid();
    std::string blocked;
    run_with_configured_allocator([&] {
        std::ifstream status("/proc/self/task/" + std::to_string(caller) + "/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind("SigBlk:", 0) == 0) blocked = line.substr(line.find_first_not_of(" \t", 7));
        return 0;
    });
    INFO("SigBlk of the waiting thread: " << blocked);
    REQUIRE(blocked.size() == 16);
    CHECK(std::stoull(blocked, nullptr, 16) & (1ull << (SIGTERM - 1)));
    CHECK(std::stoull(blocked, nullptr, 16) & (1ull << (SIGINT - 1)));
}

TEST_CASE("signals the command leaves blocked stay blocked after it, as when main ran it", "[memory]") {
    // serve blocks its stop signals and returns 1 when it cannot start: a SIGTERM sent meanwhile
    // must stay pending through the exit, not end the process once the command is over.
    sigset_t before;
    pthread_sigmask(SIG_SETMASK, nullptr, &before);
    REQUIRE_FALSE(sigismember(&before, SIGUSR2));
    run_with_configured_allocator([] {
        sigset_t usr2;
        sigemptyset(&usr2);
        sigaddset(&usr2, SIGUSR2);
        pthread_sigmask(SIG_BLOCK, &usr2, nullptr);
        return 1;
    });
    sigset_t after;
    pthread_sigmask(SIG_SETMASK, nullptr, &after);
    CHECK(sigismember(&after, SIGUSR2));
    CHECK_FALSE(sigismember(&after, SIGINT));
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
}
