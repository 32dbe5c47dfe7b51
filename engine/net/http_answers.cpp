#include "http_answers.h"

#include "core/base/concat.h"
#include "core/base/json.h"

#include <chrono>

namespace lectern {

HttpResponse json_response(int status, std::string body) {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse error_response(int status, std::string_view message) {
    return json_response(status, concat("{\"ok\":false,\"error\":", json_string(message), '}'));
}

HttpResponse too_soon(std::string_view message, std::int64_t wait_ms) {
    HttpResponse response = json_response(
        429, concat("{\"ok\":false,\"error\":", json_string(message), ",\"retry_after_ms\":", wait_ms, '}'));
    response.headers.emplace_back("Retry-After", std::to_string((wait_ms + 999) / 1000));
    return response;
}

std::optional<HttpResponse> route_refusal(const HttpRequest& request, bool post_only, bool get_only,
                                          std::string_view not_found) {
    if (!post_only && !get_only)
        return error_response(404, not_found);
    const bool post = request.method == "POST";
    if (post_only == post)
        return std::nullopt;
    HttpResponse response = error_response(405, post ? "ask for this with GET" : "send this with POST");
    response.headers.emplace_back("Allow", post ? "GET" : "POST");
    return response;
}

std::string_view cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const std::size_t end = header.find(';');
        std::string_view pair = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=')
            return pair.substr(name.size() + 1);
    }
    return {};
}

void set_session_cookie(HttpResponse& response, std::string_view name, std::string_view value) {
    response.headers.emplace_back("Set-Cookie",
                                  concat(name, '=', value, "; Path=/; HttpOnly; SameSite=Strict"));
}

std::int64_t steady_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace lectern
