#include "vote_request.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <cmath>

namespace lectern {

VoteRequestParse parse_vote_request(std::string_view body) {
    VoteRequestParse out;
    const JsonParse json = parse_json(body, 4);
    if (!json.value) {
        out.error = concat("the body is not valid JSON: ", json.error);
        return out;
    }
    const JsonObject* object = json.value->object();
    if (!object) {
        out.error = "the body must be a JSON object such as {\"poll\": \"ID\", \"choices\": [1]}";
        return out;
    }
    VoteRequest request;
    bool has_poll = false;
    for (const auto& [key, value] : *object) {
        if (key == "poll") {
            if (!value.string() || value.string()->empty()) {
                out.error = "\"poll\" must be the poll's id as text";
                return out;
            }
            request.poll = *value.string();
            has_poll = true;
        } else if (key == "choices") {
            const JsonArray* array = value.array();
            if (!array) {
                out.error = "\"choices\" must be a list of option numbers, such as [2]";
                return out;
            }
            if (array->size() > 64) {
                out.error = "\"choices\" has too many entries";
                return out;
            }
            std::vector<int> choices;
            for (const JsonValue& choice : *array) {
                const double* number = choice.number();
                if (!number || std::floor(*number) != *number || *number < -1e6 || *number > 1e6) {
                    out.error = "each choice must be a whole option number, such as 2";
                    return out;
                }
                choices.push_back(static_cast<int>(*number));
            }
            request.choices = std::move(choices);
        } else if (key == "text") {
            if (!value.string()) {
                out.error = "\"text\" must be the answer as text";
                return out;
            }
            request.text = *value.string();
        } else {
            out.error =
                concat("unknown field \"", key, "\": a vote has \"poll\" and \"choices\" or \"text\"");
            return out;
        }
    }
    if (!has_poll) {
        out.error = "the vote has no \"poll\": say which poll it answers";
        return out;
    }
    if (request.choices.has_value() == request.text.has_value()) {
        out.error = request.choices ? "send either \"choices\" or \"text\", not both"
                                    : "the vote needs \"choices\" (or \"text\" for a written answer)";
        return out;
    }
    out.request = std::move(request);
    return out;
}

} // namespace lectern
