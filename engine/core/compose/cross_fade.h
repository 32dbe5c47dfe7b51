// CrossFade: how the audience screen fades from one slide's display list to the next by drawing both lists'
// items, each at its own strength, with no picture of the old slide (issue 22). Keeping a full-screen
// picture of the old slide and blending it over the new one cost a 1920x1080 render target and a
// full-screen blend a frame: on a software renderer (llvmpipe, an old PC, a Raspberry Pi) the first frame
// of a fade took four times as long as a cut. Items both slides have (the theme's bars, a build step's
// earlier bullets) stay where they are at full strength; the others fade in and out, so only the pixels
// that change are blended. Pure: the audience view draws what cross_fade_frame() says.
#pragma once

#include "display_list.h"

#include <vector>

namespace lectern {

// Which items the two slides share, worked out once when the fade starts.
struct CrossFadePlan {
    // Same size and background: the background is drawn once and shared items stay as they are.
    bool same_ground = false;
    std::vector<bool> to_kept;   // per item of the new slide: the old slide has it too
    std::vector<bool> from_kept; // per item of the old slide: the new slide has it too
};

// An item is shared when an equal item is in the other list (each new item takes the first equal old one
// not yet taken), and, for text that follows the run before it on its line, when that run is shared with
// its partner too: such a run's place comes from the run before it, so it is only the same when that one
// is. Only old items below every old item that changes stay shared (the old slide's changing items are
// drawn over the new slide, so a shared item above one would be covered by it for a moment).
CrossFadePlan plan_cross_fade(const DisplayList& from, const DisplayList& to);

// One frame of a fade: the new slide drawn first, each item at to_opacity, then over it the old slide's
// background at from_ground (0: not drawn) and its items at from_opacity (0: not drawn). Opacities are
// 0 to 1. With the same ground, new items fade in and old ones out over it; with another, the new slide is
// drawn whole and the old one, background and all, fades out over it. Not an exact cross-fade where a
// changing old item covers a changing new one (half way, such a pixel is half the old item, a quarter the
// new one and a quarter what is under it): for the 200 ms a fade lasts this still reads as a fade, and it
// costs no full-screen picture of the old slide.
struct CrossFadeFrame {
    std::vector<float> to_opacity;
    float from_ground = 0;
    std::vector<float> from_opacity;
};

// The frame at `progress` (0: the old slide, 1: the new one). With `to_whole` the new slide is drawn
// whole and at full strength whatever the plan says (the teacher's marks are drawn with it, through a
// picture of the slide), so the old slide, its background too, fades out over all of it.
CrossFadeFrame cross_fade_frame(const CrossFadePlan& plan, float progress, bool to_whole);

} // namespace lectern
