// DeviceTokens: the device tokens the voting server hands out in the lectern_device cookie, made so that
// the server can tell its own from invented ones: a random id and an HMAC-SHA-256 of it under a key
// made when the session starts (libsodium). A token the server did not issue is treated as none, so a
// client cannot name itself into counting twice, and a pupil can only get new identities as fast as the
// per-address limit on new devices allows. The id alone names the device in the PollBook and the log.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

inline constexpr std::size_t device_key_bytes = 32;
using DeviceKey = std::array<unsigned char, device_key_bytes>;

// A fresh key from the system's random source.
DeviceKey random_device_key();

// `bytes` random bytes as lower-case hex.
std::string random_hex(std::size_t bytes);

class DeviceTokens {
public:
    explicit DeviceTokens(const DeviceKey& key) : m_key(key) {}

    // A new token: 32 hex digits of id, then 32 of its MAC (64 in all).
    std::string issue() const;
    // The device id inside `token` when this server issued it; nothing otherwise.
    std::optional<std::string> device_of(std::string_view token) const;

private:
    std::string mac_of(std::string_view id) const;
    DeviceKey m_key;
};

} // namespace lectern
