#include "rate_limit.h"

#include <algorithm>
#include <cmath>

namespace lectern {

std::int64_t RateLimiter::take(const std::string& key, std::int64_t now_ms) {
    if (m_buckets.size() >= m_max_keys)
        forget_full(now_ms);
    auto [entry, added] = m_buckets.try_emplace(key, Bucket{m_rule.burst, now_ms});
    Bucket& bucket = entry->second;
    bucket.tokens = tokens_at(bucket, now_ms);
    bucket.at_ms = std::max(bucket.at_ms, now_ms);
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return wait_for(bucket.tokens);
}

std::int64_t RateLimiter::wait(const std::string& key, std::int64_t now_ms) const {
    const auto found = m_buckets.find(key);
    if (found == m_buckets.end())
        return 0;
    const double tokens = tokens_at(found->second, now_ms);
    return tokens >= 1.0 ? 0 : wait_for(tokens);
}

double RateLimiter::tokens_at(const Bucket& bucket, std::int64_t now_ms) const {
    const double elapsed_s = static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.at_ms)) / 1000.0;
    return std::min(m_rule.burst, bucket.tokens + elapsed_s * m_rule.per_second);
}

std::int64_t RateLimiter::wait_for(double tokens) const {
    return std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil((1.0 - tokens) / m_rule.per_second * 1000.0)));
}

// A bucket that has filled up again says nothing a fresh one would not: forget it, so memory stays bounded.
void RateLimiter::forget_full(std::int64_t now_ms) {
    std::erase_if(m_buckets, [&](const auto& entry) {
        const double elapsed_s = static_cast<double>(now_ms - entry.second.at_ms) / 1000.0;
        return entry.second.tokens + elapsed_s * m_rule.per_second >= m_rule.burst;
    });
    if (m_buckets.size() >= m_max_keys)
        m_buckets.clear(); // a flood of new keys: start again rather than grow without end
}

} // namespace lectern
