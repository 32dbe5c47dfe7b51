#include "vote_request.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <cmath>

namespace lectern {

Expected<VoteRequest> parse_vote_request(std::string_view body) {
    const Expected<JsonValue> json = parse_json(body, 4);
    if (!json)
        return Failure{concat("the body is not valid JSON: ", json.error())};
    const JsonObject* object = json->object();
    if (!object) {
        return Failure{"the body must be a JSON object such as {\"poll\": \"ID\", \"choices\": [1]}"};
    }
    VoteRequest request;
    bool has_poll = false;
    for (const auto& [key, value] : *object) {
        if (key == "poll") {
            if (!value.string() || value.string()->empty()) {
                return Failure{"\"poll\" must be the poll's id as text"};
            }
            request.poll = *value.string();
            has_poll = true;
        } else if (key == "choices") {
            const JsonArray* array = value.array();
            if (!array) {
                return Failure{"\"choices\" must be a list of option numbers, such as [2]"};
            }
            if (array->size() > 64) {
                return Failure{"\"choices\" has too many entries"};
            }
            std::vector<int> choices;
            for (const JsonValue& choice : *array) {
                const double* number = choice.number();
                if (!number || std::floor(*number) != *number || *number < -1e6 || *number > 1e6) {
                    return Failure{"each choice must be a whole option number, such as 2"};
                }
                choices.push_back(static_cast<int>(*number));
            }
            request.choices = std::move(choices);
        } else if (key == "text") {
            if (!value.string()) {
                return Failure{"\"text\" must be the answer as text"};
            }
            request.text = *value.string();
        } else {
            return Failure{
                concat("unknown field \"", key, "\": a vote has \"poll\" and \"choices\" or \"text\"")};
        }
    }
    if (!has_poll) {
        return Failure{"the vote has no \"poll\": say which poll it answers"};
    }
    if (request.choices.has_value() == request.text.has_value()) {
        return Failure{request.choices ? "send either \"choices\" or \"text\", not both"
                                       : "the vote needs \"choices\" (or \"text\" for a written answer)"};
    }
    return request;
}

} // namespace lectern
