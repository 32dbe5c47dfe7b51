// Expected<T>: the one way Lectern reports that an open, a read or a parse failed: either the value, or a
// Failure carrying a message that says what went wrong and, where it helps, what to do ("cannot write
// /srv/results/log: No space left on device"). Pure.
//
// Why not exceptions: a failure here is normal input (a read-only folder, a pupil's malformed request),
// and the caller must decide on the spot whether the show goes on without the thing. Why not
// std::expected: it is C++23, and GCC 12 offers it only in C++23 mode.
//
// Files with many problems to report at once (a deck, a theme, input.conf) return their full list of
// Diagnostics with positions instead (DeckLoadResult and its kin): one message would hide the rest.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace lectern {

struct Failure {
    std::string message;
};

template <class T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Expected(Failure failure) : m_state(std::in_place_index<1>, std::move(failure)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // The value; only when ok().
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    // Why there is no value; only when !ok().
    const std::string& error() const { return std::get<1>(m_state).message; }

private:
    std::variant<T, Failure> m_state;
};

// For what succeeds or fails with nothing to hand back (a write, an fsync).
template <>
class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Failure failure) : m_failure(std::move(failure)) {}

    bool ok() const { return !m_failure; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return m_failure->message; }

private:
    std::optional<Failure> m_failure;
};

} // namespace lectern
