// The choices a deck makes for itself: shape of the slides, size of the room, when results show. Pure.
#pragma once

namespace lectern {

enum class Aspect { Wide16x9, Standard4x3 };
enum class Room { Classroom, Hall };
enum class Reveal { OnCommand, Live };
enum class Transition { Fade, None };

} // namespace lectern
