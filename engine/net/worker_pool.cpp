#include "worker_pool.h"

namespace lectern {

namespace {
thread_local WorkerPool* current_pool = nullptr;
thread_local bool parked = false;
} // namespace

WorkerPool::WorkerPool(std::size_t max_working, std::size_t stack_bytes)
    : m_max_working(max_working), m_stack_bytes(stack_bytes) {
}

WorkerPool::~WorkerPool() {
    shutdown();
}

void WorkerPool::spawn_if_needed() {
    if (m_stopping || m_idle >= m_jobs.size() || m_working >= m_max_working)
        return;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, m_stack_bytes);
    pthread_t thread{};
    if (pthread_create(&thread, &attributes, &WorkerPool::run, this) == 0) {
        m_threads.push_back(thread);
        ++m_working;
    }
    pthread_attr_destroy(&attributes);
}

void WorkerPool::enqueue(std::function<void()> job) {
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return;
    m_jobs.push_back(std::move(job));
    spawn_if_needed();
    lock.unlock();
    m_ready.notify_one();
}

void WorkerPool::park_current() {
    WorkerPool* pool = current_pool;
    if (!pool || parked)
        return;
    std::lock_guard lock(pool->m_mutex);
    parked = true;
    --pool->m_working;
    pool->spawn_if_needed(); // a request waiting for this thread gets another
}

void WorkerPool::unpark_current() {
    WorkerPool* pool = current_pool;
    if (!pool || !parked)
        return;
    std::lock_guard lock(pool->m_mutex);
    parked = false;
    ++pool->m_working;
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

void* WorkerPool::run(void* pool) {
    current_pool = static_cast<WorkerPool*>(pool);
    current_pool->work();
    return nullptr;
}

void WorkerPool::work() {
    std::unique_lock lock(m_mutex);
    while (true) {
        // A thread that came back from a long wait while the pool is full of working threads retires.
        if (m_working > m_max_working) {
            --m_working;
            return;
        }
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
