#include "remote_access.h"

#include <algorithm>

namespace lectern {

namespace {

// Compares every character whatever the first difference, so the time taken tells nothing about the PIN.
bool same_pin(std::string_view given, std::string_view pin) {
    if (given.size() != pin.size())
        return false;
    unsigned difference = 0;
    for (std::size_t i = 0; i < pin.size(); ++i)
        difference |=
            static_cast<unsigned>(static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(pin[i]));
    return difference == 0;
}

} // namespace

std::string remote_pin_from(std::uint32_t random) {
    std::string pin(remote_pin_length, '0');
    std::uint32_t value = random % 1000000u;
    for (std::size_t i = remote_pin_length; i-- > 0; value /= 10)
        pin[i] = static_cast<char>('0' + value % 10);
    return pin;
}

bool is_remote_pin(std::string_view text) {
    return text.size() == remote_pin_length &&
           std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

RemoteAccess::RemoteAccess(std::string pin)
    : m_pin(std::move(pin)), m_wrong_by_address(RateRule{1000.0 / static_cast<double>(remote_wrong_pin_ms),
                                                         remote_wrong_pins_free}) {
}

RemoteLoginResult RemoteAccess::login(std::string_view pin, const std::string& address, std::string session,
                                      std::int64_t now_ms) {
    if (locked())
        return {RemoteLogin::Locked, 0};
    if (const std::int64_t wait = m_wrong_by_address.wait(address, now_ms); wait > 0)
        return {RemoteLogin::TooSoon, wait};
    if (!same_pin(pin, m_pin)) {
        m_wrong_by_address.take(address, now_ms);
        ++m_wrong_pins;
        return {locked() ? RemoteLogin::Locked : RemoteLogin::WrongPin, 0};
    }
    const bool full = m_remotes.size() >= remote_sessions_max;
    if (full)
        m_remotes.erase(m_remotes.begin()); // the oldest: a phone long put away
    m_remotes.push_back({++m_last_number, std::move(session), address, now_ms});
    return {RemoteLogin::SignedIn, 0, full};
}

bool RemoteAccess::signed_in(std::string_view session) const {
    return !session.empty() && std::ranges::any_of(m_remotes, [&](const SignedInRemote& remote) {
        return remote.session == session;
    });
}

void RemoteAccess::sign_out(int number) {
    std::erase_if(m_remotes, [&](const SignedInRemote& remote) { return remote.number == number; });
}

void RemoteAccess::new_pin(std::string pin) {
    m_pin = std::move(pin);
    m_remotes.clear();
    m_wrong_pins = 0;
}

void RemoteAccess::unlock() {
    m_wrong_pins = 0;
}

} // namespace lectern
