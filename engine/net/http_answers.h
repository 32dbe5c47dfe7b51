// The answers the voting server and the teacher's remote give, written one way: JSON bodies with
// {"ok": false, "error": "..."} for refusals, 429 with when to try again, and the cookies they read.
#pragma once

#include "http_server.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

HttpResponse json_response(int status, std::string body);
HttpResponse error_response(int status, std::string_view message);
// 429 with when to try again, in the Retry-After header and as "retry_after_ms" in the body.
HttpResponse too_soon(std::string_view message, std::int64_t wait_ms);

// What a route's method allows: 404 (with `not_found`) when the path is neither POST-only nor GET-only,
// 405 with Allow when the method is the other one, nothing when the request may go on.
std::optional<HttpResponse> route_refusal(const HttpRequest& request, bool post_only, bool get_only,
                                          std::string_view not_found);

// The value of the cookie `name` in a Cookie header, or "" when there is none.
std::string_view cookie_value(std::string_view header, std::string_view name);
// A session cookie: no expiry date, so it goes when the browser closes; never readable by scripts, and
// never sent with a request another site starts.
void set_session_cookie(HttpResponse& response, std::string_view name, std::string_view value);

// Milliseconds on the steady clock: the time the servers' rate limits are given.
std::int64_t steady_now_ms();

} // namespace lectern
