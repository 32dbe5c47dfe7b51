// FNV-1a, the one non-cryptographic hash Lectern writes into files: 32 bits check each line of a results
// log (poll_record.h), 64 bits name a deck's results folder (results_store.h). Both are parts of file
// formats, so a value must never change. Pure.
#pragma once

#include <concepts>
#include <cstdint>
#include <string_view>

namespace lectern {

// The FNV-1a hash of `text`'s bytes in 32 or 64 bits, with the published offset bases and primes
// (fnv1a<std::uint32_t>("a") == 0xe40c292c, fnv1a<std::uint64_t>("a") == 0xaf63dc4c8601ec8c).
template <typename Hash>
requires std::same_as<Hash, std::uint32_t> || std::same_as<Hash, std::uint64_t>
constexpr Hash fnv1a(std::string_view text) {
    Hash hash = 0;
    Hash prime = 0;
    if constexpr (std::same_as<Hash, std::uint32_t>) {
        hash = 2166136261u;
        prime = 16777619u;
    } else {
        hash = 14695981039346656037ull;
        prime = 1099511628211ull;
    }
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= prime;
    }
    return hash;
}

} // namespace lectern
