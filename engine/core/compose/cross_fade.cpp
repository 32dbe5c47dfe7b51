#include "cross_fade.h"

#include <algorithm>
#include <variant>

namespace lectern {

namespace {

bool follows_previous(const DisplayItem& item) {
    const auto* run = std::get_if<TextRun>(&item);
    return run && run->follows_previous;
}

} // namespace

CrossFadePlan plan_cross_fade(const DisplayList& from, const DisplayList& to) {
    CrossFadePlan plan;
    plan.to_kept.assign(to.items.size(), false);
    plan.from_kept.assign(from.items.size(), false);
    plan.same_ground = from.width == to.width && from.height == to.height && from.background == to.background;
    if (!plan.same_ground)
        return plan; // the old background covers everything new as it fades: nothing stays as it is
    // partner[i]: the item of `from` that item i of `to` is matched with.
    std::vector<std::size_t> partner(to.items.size(), from.items.size());
    for (std::size_t i = 0; i < to.items.size(); ++i) {
        for (std::size_t j = 0; j < from.items.size(); ++j) {
            if (plan.from_kept[j] || from.items[j] != to.items[i])
                continue;
            if (follows_previous(to.items[i]) && (i == 0 || j == 0 || partner[i - 1] != j - 1))
                continue;
            plan.to_kept[i] = true;
            plan.from_kept[j] = true;
            partner[i] = j;
            break;
        }
    }
    // Only the old slide's items below everything that changes stay: an old item that changes is drawn
    // over the new slide as it fades, so a shared item that was above it would go under it for a moment.
    const auto first_changed = std::ranges::find(plan.from_kept, false);
    std::fill(first_changed, plan.from_kept.end(), false);
    for (std::size_t i = 0; i < to.items.size(); ++i)
        plan.to_kept[i] = plan.to_kept[i] && plan.from_kept[partner[i]];
    return plan;
}

CrossFadeFrame cross_fade_frame(const CrossFadePlan& plan, float progress, bool to_whole) {
    const float in = std::clamp(progress, 0.0f, 1.0f);
    const float out = 1.0f - in;
    CrossFadeFrame frame;
    const bool shares = plan.same_ground && !to_whole;
    frame.to_opacity.resize(plan.to_kept.size());
    for (std::size_t i = 0; i < plan.to_kept.size(); ++i)
        frame.to_opacity[i] = !shares || plan.to_kept[i] ? 1.0f : in; // else the old ground fades it
    frame.from_ground = shares ? 0.0f : out;
    frame.from_opacity.resize(plan.from_kept.size());
    for (std::size_t j = 0; j < plan.from_kept.size(); ++j)
        frame.from_opacity[j] = shares && plan.from_kept[j] ? 0.0f : out;
    return frame;
}

} // namespace lectern
