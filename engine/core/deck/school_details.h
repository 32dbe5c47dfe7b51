// SchoolDetails: what only the school can fill in, written once in [deck] and shown wherever slides
// say {safeguarding_lead}. A value still holding a [part in square brackets] is a placeholder the
// school has not filled in yet, which `check` warns about. Pure: standard library only.
#pragma once

#include "core/base/diagnostic.h"
#include "deck.h"

#include <string_view>

namespace lectern {

// What a slide writes to show the [deck] table's `safeguarding_lead`.
inline constexpr std::string_view safeguarding_lead_marker = "{safeguarding_lead}";

// True when `value` still has a [part in square brackets] to fill in, e.g. "[Name], [room]".
bool is_unfilled_placeholder(std::string_view value);

// Writes the deck's safeguarding lead into every text of every slide (notes and alt included) where
// the marker appears; warns about a slide that uses the marker when the deck has no value for it.
void fill_school_details(Deck& deck, DiagnosticSink& sink);

} // namespace lectern
