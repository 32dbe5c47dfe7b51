// LruCache: a map that forgets its least recently used entries once their total cost passes a budget
// (cost 1 per entry bounds the count; cost in bytes bounds memory). Values are destroyed on eviction, so
// owning handles (unique_ptr with a deleter) release their resources then. Pure; header-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>

namespace lectern {

template <typename Key, typename Value, typename Hash = std::hash<Key>>
class LruCache {
public:
    explicit LruCache(std::size_t cost_budget) : m_budget(cost_budget) {}

    // The value for `key`, now the most recently used; nullptr when absent.
    Value* find(const Key& key) {
        const auto found = m_index.find(key);
        if (found == m_index.end()) {
            return nullptr;
        }
        m_entries.splice(m_entries.begin(), m_entries, found->second);
        return &found->second->value;
    }

    // Adds (or replaces) `key`, then evicts least recently used entries until the total cost fits the
    // budget. The new entry itself is never evicted, even when it alone is over budget.
    Value& insert(const Key& key, Value value, std::size_t cost = 1) {
        erase(key);
        m_entries.push_front(Entry{key, std::move(value), cost});
        m_index.emplace(key, m_entries.begin());
        m_total_cost += cost;
        while (m_total_cost > m_budget && m_entries.size() > 1) {
            evict_oldest();
        }
        return m_entries.front().value;
    }

    bool erase(const Key& key) {
        const auto found = m_index.find(key);
        if (found == m_index.end()) {
            return false;
        }
        m_total_cost -= found->second->cost;
        m_entries.erase(found->second);
        m_index.erase(found);
        return true;
    }

    void clear() {
        m_index.clear();
        m_entries.clear();
        m_total_cost = 0;
    }

    std::size_t size() const { return m_entries.size(); }
    std::size_t total_cost() const { return m_total_cost; }
    std::size_t budget() const { return m_budget; }
    // A new budget; least recently used entries go until the total fits it (the newest always stays).
    void set_budget(std::size_t cost_budget) {
        m_budget = cost_budget;
        while (m_total_cost > m_budget && m_entries.size() > 1) {
            evict_oldest();
        }
    }
    std::uint64_t evictions() const { return m_evictions; }

private:
    struct Entry {
        Key key;
        Value value;
        std::size_t cost = 1;
    };

    void evict_oldest() {
        Entry& oldest = m_entries.back();
        m_total_cost -= oldest.cost;
        m_index.erase(oldest.key);
        m_entries.pop_back();
        ++m_evictions;
    }

    std::size_t m_budget;
    std::size_t m_total_cost = 0;
    std::uint64_t m_evictions = 0;
    std::list<Entry> m_entries; // most recently used first
    std::unordered_map<Key, typename std::list<Entry>::iterator, Hash> m_index;
};

} // namespace lectern
