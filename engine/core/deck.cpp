#include "deck.h"

namespace lectern {

double Deck::seconds_for(const Slide& slide) const {
    if (slide.seconds)
        return *slide.seconds;
    return kiosk ? kiosk->slide_seconds : KioskSettings{}.slide_seconds;
}

} // namespace lectern
