// WorkerPool: the voting server's threads. cpp-httplib gives each connection to one thread for as long
// as it lasts, so two kinds of work share the pool: requests, which take milliseconds, and event streams,
// which last the whole lesson. A job that turns into a long wait (an event stream) parks its thread;
// parked threads do not count against the cap on working threads, so a full class following the lesson
// never leaves votes without a thread, and a flood of requests waits in the queue instead of growing the
// pool without end. Small stacks, so hundreds of streams fit even on a 32-bit Raspberry Pi.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <pthread.h>
#include <vector>

namespace lectern {

class WorkerPool {
public:
    WorkerPool(std::size_t max_working, std::size_t stack_bytes);
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;
    ~WorkerPool();

    void enqueue(std::function<void()> job);
    // Runs what is queued, then joins every thread.
    void shutdown();

    // From inside a job of a pool: this thread is about to wait a long time (or has finished waiting).
    static void park_current();
    static void unpark_current();

private:
    static void* run(void* pool);
    void work();
    void spawn_if_needed(); // with m_mutex held

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::vector<pthread_t> m_threads;
    std::size_t m_idle = 0;
    std::size_t m_working = 0; // threads not parked: running a request or idle
    std::size_t m_max_working;
    std::size_t m_stack_bytes;
    bool m_stopping = false;
};

} // namespace lectern
