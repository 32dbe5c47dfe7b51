// EventWait: how the presentation sleeps until the next event or due time. On x11, wayland, windows and
// cocoa SDL_WaitEventTimeout truly blocks. On the other drivers (kmsdrm on a kiosk without a desktop,
// offscreen, dummy) it polls every millisecond, about a thousand wakeups a second while idle
// (platform-notes.md). There this sleeps on a semaphore instead, checking for input every `poll_ms`.
//
// The one way in for other threads (the deck watcher, the voting server, ...): post(type). It queues an
// SDL user event of that type and wakes the loop at once on every driver; the loop then reads the thread's
// results itself. Threads never touch the show's state.
#pragma once

#include <SDL2/SDL.h>

#include <cstdint>
#include <optional>

namespace lectern {

class EventWait {
public:
    EventWait();
    EventWait(const EventWait&) = delete;
    EventWait& operator=(const EventWait&) = delete;
    ~EventWait();

    // Waits for an event until `timeout_ms` has passed (nothing: no limit). True with `event` filled.
    bool next(SDL_Event& event, std::optional<std::uint64_t> timeout_ms);
    // From any thread: queues an event of `type` (from SDL_RegisterEvents) and wakes the waiting loop now.
    void post(std::uint32_t type);

    bool driver_blocks() const { return m_blocks; }

    static constexpr std::uint32_t poll_ms = 25; // input is looked for 40 times a second while idle

private:
    bool m_blocks = true;
    SDL_sem* m_wake = nullptr;
};

} // namespace lectern
