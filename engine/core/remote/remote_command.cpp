#include "remote_command.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lectern {

namespace {

constexpr std::array<RemoteActionName, 11> names{{
    {RemoteAction::Next, "next"},
    {RemoteAction::Previous, "previous"},
    {RemoteAction::First, "first"},
    {RemoteAction::Last, "last"},
    {RemoteAction::Black, "black"},
    {RemoteAction::White, "white"},
    {RemoteAction::Open, "open"},
    {RemoteAction::Close, "close"},
    {RemoteAction::Reveal, "reveal"},
    {RemoteAction::Hide, "hide"},
    {RemoteAction::Goto, "goto"},
}};

} // namespace

std::span<const RemoteActionName> remote_action_names() {
    return names;
}

Expected<std::string> parse_remote_login(std::string_view body) {
    const Expected<JsonValue> json = parse_json(body, 2);
    if (!json)
        return Failure{concat("the body is not valid JSON: ", json.error())};
    const JsonObject* object = json->object();
    if (!object || object->size() != 1 || object->front().first != "pin" || !object->front().second.string())
        return Failure{"send the PIN as {\"pin\": \"123456\"}"};
    return *object->front().second.string();
}

Expected<RemoteCommand> parse_remote_command(std::string_view body, std::size_t slide_count) {
    const Expected<JsonValue> json = parse_json(body, 2);
    if (!json)
        return Failure{concat("the body is not valid JSON: ", json.error())};
    const JsonObject* object = json->object();
    if (!object)
        return Failure{"the body must be a JSON object such as {\"command\": \"next\"}"};
    const std::string* command = nullptr;
    const double* slide = nullptr;
    bool has_slide = false;
    for (const auto& [key, value] : *object) {
        if (key == "command") {
            command = value.string();
            if (!command)
                return Failure{"\"command\" must be the command's name as text, such as \"next\""};
        } else if (key == "slide") {
            has_slide = true;
            slide = value.number();
            if (!slide || std::floor(*slide) != *slide)
                return Failure{"\"slide\" must be a whole slide number, such as 3"};
        } else {
            return Failure{
                concat("unknown field \"", key, "\": a command has \"command\" (and \"slide\" for goto)")};
        }
    }
    if (!command)
        return Failure{"the body has no \"command\", such as {\"command\": \"next\"}"};
    const auto* known =
        std::ranges::find_if(names, [&](const RemoteActionName& name) { return name.name == *command; });
    if (known == names.end())
        return Failure{
            concat("unknown command \"", *command,
                   "\": next, previous, first, last, black, white, open, close, reveal, hide or goto")};
    RemoteCommand result{known->action, 0};
    if (known->action != RemoteAction::Goto) {
        if (has_slide)
            return Failure{"only \"goto\" takes a \"slide\""};
        return result;
    }
    if (!has_slide)
        return Failure{"\"goto\" needs a \"slide\": its number, from 1"};
    if (*slide < 1 || *slide > static_cast<double>(slide_count))
        return Failure{concat("there is no slide ", *slide, ": the deck has slides 1 to ", slide_count)};
    result.slide = static_cast<std::size_t>(*slide) - 1;
    return result;
}

} // namespace lectern
