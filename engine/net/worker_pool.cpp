#include "worker_pool.h"

namespace lectern {

WorkerPool::WorkerPool(std::size_t max_workers, std::size_t stack_bytes)
    : m_max_workers(max_workers), m_stack_bytes(stack_bytes) {
}

WorkerPool::~WorkerPool() {
    shutdown();
}

void WorkerPool::enqueue(std::function<void()> job) {
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return;
    m_jobs.push_back(std::move(job));
    if (m_idle < m_jobs.size() && m_threads.size() < m_max_workers) {
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setstacksize(&attributes, m_stack_bytes);
        pthread_t thread{};
        if (pthread_create(&thread, &attributes, &WorkerPool::run, this) == 0)
            m_threads.push_back(thread);
        pthread_attr_destroy(&attributes);
    }
    lock.unlock();
    m_ready.notify_one();
}

void WorkerPool::shutdown() {
    std::vector<pthread_t> threads;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        threads.swap(m_threads);
    }
    m_ready.notify_all();
    for (pthread_t thread : threads)
        pthread_join(thread, nullptr);
}

std::size_t WorkerPool::workers() const {
    std::lock_guard lock(m_mutex);
    return m_threads.size();
}

void* WorkerPool::run(void* pool) {
    static_cast<WorkerPool*>(pool)->work();
    return nullptr;
}

void WorkerPool::work() {
    std::unique_lock lock(m_mutex);
    while (true) {
        ++m_idle;
        m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        --m_idle;
        if (m_jobs.empty())
            return; // stopping, and nothing left to run
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        job();
        lock.lock();
    }
}

} // namespace lectern
