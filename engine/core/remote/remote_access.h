// RemoteAccess: who may drive the presentation from the teacher's phone (docs/vote-api.md, "The
// teacher's remote"). A 6-digit PIN, new each session and shown only on the presenter panel; wrong PINs
// limited per address (5, then one every 30 s) and in total (after 50 wrong PINs from anywhere the remote
// locks until the teacher unlocks it on the panel); the remotes signed in, which the panel lists and can
// sign out. Pure: time and randomness come in as inputs; not thread-safe (the server holds it under its
// lock).
#pragma once

#include "core/voting/rate_limit.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

inline constexpr std::size_t remote_pin_length = 6;
inline constexpr int remote_wrong_pins_free = 5;           // per address, before it must wait
inline constexpr std::int64_t remote_wrong_pin_ms = 30000; // then one more try each 30 s
inline constexpr int remote_wrong_pins_to_lock = 50;       // from anywhere: the remote locks
inline constexpr std::size_t remote_sessions_max = 8;      // a ninth sign-in signs out the oldest

// Six digits from `random` (which should be uniform over at least 2^20 values).
std::string remote_pin_from(std::uint32_t random);
// Whether `text` is six ASCII digits, as --remote-pin must be.
bool is_remote_pin(std::string_view text);

struct SignedInRemote {
    int number = 0;      // "remote 3" on the panel: counts up through the session, never reused
    std::string session; // the cookie's value
    std::string address; // where it signed in from
    std::int64_t since_ms = 0;
};

enum class RemoteLogin {
    SignedIn,
    WrongPin, // counted against the address and towards the lock
    TooSoon,  // this address has used its tries: wait (retry_after_ms)
    Locked,   // too many wrong PINs in all: the teacher unlocks it on the panel
};

struct RemoteLoginResult {
    RemoteLogin outcome = RemoteLogin::WrongPin;
    std::int64_t retry_after_ms = 0; // for TooSoon
    bool evicted = false;            // SignedIn made room by signing out the oldest remote
};

class RemoteAccess {
public:
    explicit RemoteAccess(std::string pin);

    const std::string& pin() const { return m_pin; }

    // A sign-in with `pin` from `address`; `session` is a fresh unguessable token the caller made, kept
    // only when the PIN is right. An address that must wait is told so even with the right PIN, or
    // waiting would mean nothing.
    RemoteLoginResult login(std::string_view pin, const std::string& address, std::string session,
                            std::int64_t now_ms);
    bool signed_in(std::string_view session) const;

    // The panel's controls.
    void sign_out(int number);
    void new_pin(std::string pin); // everyone signed in is signed out, and a lock is lifted: guesses at
                                   // the old PIN tell nothing about the new one
    void unlock();                 // after the lock: the count of wrong PINs starts again

    bool locked() const { return m_wrong_pins >= remote_wrong_pins_to_lock; }
    int wrong_pins() const { return m_wrong_pins; }
    const std::vector<SignedInRemote>& remotes() const { return m_remotes; }

private:
    std::string m_pin;
    RateLimiter m_wrong_by_address;
    int m_wrong_pins = 0;
    int m_last_number = 0;
    std::vector<SignedInRemote> m_remotes;
};

} // namespace lectern
