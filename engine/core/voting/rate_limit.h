// RateLimit: a token bucket per key (a device token or an address), with time as an input. A key may
// make `burst` requests at once and then `per_second` more each second. Pure; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace lectern {

struct RateRule {
    double per_second = 4;
    double burst = 10;
};

class RateLimiter {
public:
    explicit RateLimiter(RateRule rule, std::size_t max_keys = 200000) : m_rule(rule), m_max_keys(max_keys) {}

    // One request by `key` at `now_ms`: 0 when it may go ahead, else how many milliseconds until it may.
    std::int64_t take(const std::string& key, std::int64_t now_ms);
    // The same answer as take() would give, without taking anything.
    std::int64_t wait(const std::string& key, std::int64_t now_ms) const;

    std::size_t keys() const { return m_buckets.size(); }

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t at_ms = 0;
    };
    void forget_full(std::int64_t now_ms);
    double tokens_at(const Bucket& bucket, std::int64_t now_ms) const;
    std::int64_t wait_for(double tokens) const;

    RateRule m_rule;
    std::size_t m_max_keys;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace lectern
