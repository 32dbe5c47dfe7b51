// WorkerPool: the voting server's threads, one per open connection. It grows as connections arrive, up
// to a cap, and never past it (more connections wait their turn), so a flood cannot exhaust the
// machine. Small stacks, because a full class keeps hundreds of event streams open at once; a 32-bit
// Raspberry Pi has room for them that way.
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
    WorkerPool(std::size_t max_workers, std::size_t stack_bytes);
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;
    ~WorkerPool();

    void enqueue(std::function<void()> job);
    // Runs what is queued, then joins every worker.
    void shutdown();

    std::size_t workers() const;

private:
    static void* run(void* pool);
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::vector<pthread_t> m_threads;
    std::size_t m_idle = 0;
    std::size_t m_max_workers;
    std::size_t m_stack_bytes;
    bool m_stopping = false;
};

} // namespace lectern
