#include "event_wait.h"

#include <algorithm>
#include <string_view>

namespace lectern {

EventWait::EventWait() {
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string_view name = driver ? driver : "";
    m_blocks = name == "x11" || name == "wayland" || name == "windows" || name == "cocoa";
    if (!m_blocks)
        m_wake = SDL_CreateSemaphore(0);
}

EventWait::~EventWait() {
    if (m_wake)
        SDL_DestroySemaphore(m_wake);
}

bool EventWait::next(SDL_Event& event, std::optional<std::uint64_t> timeout_ms) {
    if (m_blocks || !m_wake)
        return timeout_ms ? SDL_WaitEventTimeout(
                                &event, static_cast<int>(std::min<std::uint64_t>(*timeout_ms, 1u << 30))) != 0
                          : SDL_WaitEvent(&event) != 0;
    const std::uint64_t start = SDL_GetTicks64();
    while (true) {
        if (SDL_PollEvent(&event))
            return true;
        const std::uint64_t waited = SDL_GetTicks64() - start;
        if (timeout_ms && waited >= *timeout_ms)
            return false;
        const std::uint64_t step =
            timeout_ms ? std::min<std::uint64_t>(poll_ms, *timeout_ms - waited) : poll_ms;
        SDL_SemWaitTimeout(m_wake, static_cast<std::uint32_t>(step));
    }
}

void EventWait::post(std::uint32_t type) {
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
    if (m_wake)
        SDL_SemPost(m_wake); // where SDL's own wait polls (kmsdrm), the loop sleeps on this instead
}

} // namespace lectern
