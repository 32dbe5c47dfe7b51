#include "quit_guard.h"

namespace lectern {

bool QuitGuard::press(std::uint64_t now_ms) {
    if (waiting_for_second_press(now_ms)) {
        armed_at_ms.reset();
        return true;
    }
    armed_at_ms = now_ms;
    return false;
}

bool QuitGuard::waiting_for_second_press(std::uint64_t now_ms) const {
    return armed_at_ms && now_ms >= *armed_at_ms && now_ms - *armed_at_ms <= quit_confirm_window_ms;
}

std::optional<std::uint64_t> QuitGuard::expires_at_ms() const {
    if (!armed_at_ms)
        return std::nullopt;
    return *armed_at_ms + quit_confirm_window_ms;
}

} // namespace lectern
