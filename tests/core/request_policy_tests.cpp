// Which requests may reach the voting server, from their headers alone (core/voting/request_policy.h).
#include "core/voting/rate_limit.h"
#include "core/voting/request_policy.h"

#include <doctest/doctest.h>

using namespace lectern;

TEST_CASE("request policy: Host must name this server, with its port") {
    const OwnHosts own{{"192.168.1.20", "127.0.0.1", "::1", "localhost", "lectern.school.lan"}, 8750};
    for (const char* host : {"192.168.1.20:8750", "127.0.0.1:8750", "[::1]:8750", "LOCALHOST:8750",
                             "lectern.school.lan:8750", " localhost:8750 "}) {
        CAPTURE(host);
        CHECK(is_own_host(host, own));
    }
    for (const char* host : {"", "games.example:8750", "192.168.1.20", "192.168.1.20:80",
                             "192.168.1.20:87500", "[::1]", "[::1:8750", "::1:8750", "192.168.1.2:8750",
                             "localhost.games.example:8750", "lectern.school.lan.:8750"}) {
        CAPTURE(host);
        CHECK_FALSE(is_own_host(host, own));
    }
    const OwnHosts on_80{{"192.168.1.20"}, 80};
    CHECK(is_own_host("192.168.1.20", on_80)); // browsers leave the default port out
    CHECK(is_own_host("192.168.1.20:80", on_80));
}

TEST_CASE("request policy: a page of another site is told apart from our own") {
    const std::string host = "192.168.1.20:8750";
    CHECK_FALSE(is_cross_site("", "", host)); // tools and old browsers send neither
    CHECK_FALSE(is_cross_site("http://192.168.1.20:8750", "same-origin", host));
    CHECK_FALSE(is_cross_site("HTTP://192.168.1.20:8750", "", host));
    CHECK_FALSE(is_cross_site("", "none", host)); // typed or scanned from a QR code
    CHECK(is_cross_site("http://games.example", "", host));
    CHECK(is_cross_site("http://192.168.1.20:8751", "same-site", host));
    CHECK(is_cross_site("https://192.168.1.20:8750", "", host));
    CHECK(is_cross_site("null", "", host)); // a sandboxed frame or a file
    CHECK(is_cross_site("", "cross-site", host));
    CHECK(is_cross_site("http://192.168.1.20:8750", "Cross-Site", host));
}

TEST_CASE("request policy: only JSON bodies") {
    CHECK(is_json_content_type("application/json"));
    CHECK(is_json_content_type("Application/JSON; charset=utf-8"));
    CHECK_FALSE(is_json_content_type(""));
    CHECK_FALSE(is_json_content_type("text/plain"));
    CHECK_FALSE(is_json_content_type("application/x-www-form-urlencoded"));
    CHECK_FALSE(is_json_content_type("multipart/form-data; boundary=x"));
    CHECK_FALSE(is_json_content_type("application/jsonp"));
}

TEST_CASE("rate limit: waiting is told without taking") {
    RateLimiter guesses(RateRule{0.1, 2});
    CHECK(guesses.wait("a", 0) == 0);
    CHECK(guesses.take("a", 0) == 0);
    CHECK(guesses.take("a", 0) == 0);
    CHECK(guesses.wait("a", 0) == 10000);
    CHECK(guesses.wait("a", 0) == 10000); // asking again takes nothing
    CHECK(guesses.wait("a", 5000) == 5000);
    CHECK(guesses.wait("a", 10000) == 0);
    CHECK(guesses.wait("b", 0) == 0); // another address pays nothing
}
