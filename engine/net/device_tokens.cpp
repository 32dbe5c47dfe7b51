#include "device_tokens.h"

#include <sodium.h>
#include <stdexcept>
#include <vector>

namespace lectern {

namespace {

constexpr std::size_t id_bytes = 16;
constexpr std::size_t mac_bytes = 16; // of HMAC-SHA-256's 32: 128 bits cannot be guessed

void ensure_sodium() {
    // Thread-safe and idempotent; fails only when the system has no random source at all.
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start (no random source)");
}

std::string hex_of(const unsigned char* bytes, std::size_t count) {
    std::string text(count * 2 + 1, '\0');
    sodium_bin2hex(text.data(), text.size(), bytes, count);
    text.pop_back();
    return text;
}

} // namespace

DeviceKey random_device_key() {
    ensure_sodium();
    DeviceKey key{};
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string random_hex(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    return hex_of(random.data(), random.size());
}

std::string DeviceTokens::mac_of(std::string_view id) const {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(id.data()), id.size(), m_key.data());
    return hex_of(mac, mac_bytes);
}

std::string DeviceTokens::issue() const {
    const std::string id = random_hex(id_bytes);
    return id + mac_of(id);
}

std::optional<std::string> DeviceTokens::device_of(std::string_view token) const {
    if (token.size() != 2 * (id_bytes + mac_bytes))
        return std::nullopt;
    for (char c : token) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return std::nullopt;
    }
    const std::string_view id = token.substr(0, 2 * id_bytes);
    const std::string expected = mac_of(id);
    if (sodium_memcmp(expected.data(), token.data() + 2 * id_bytes, expected.size()) != 0)
        return std::nullopt;
    return std::string(id);
}

} // namespace lectern
