#include "deck.h"

namespace lectern {

SourcePosition Slide::position_of(std::string_view key) const {
    for (const auto& [name, where] : value_positions) {
        if (name == key)
            return where;
    }
    return position;
}

double Deck::seconds_for(const Slide& slide) const {
    if (slide.seconds)
        return *slide.seconds;
    return kiosk ? kiosk->slide_seconds : KioskSettings{}.slide_seconds;
}

} // namespace lectern
