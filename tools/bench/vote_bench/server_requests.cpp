#include "server_requests.h"

#include "../present_bench/clock.h"
#include "../present_bench/x_screen.h"
#include "sockets.h"

#include <cstdlib>
#include <regex>

namespace vote_bench {

using present_bench::now_ms;
using present_bench::sleep_ms;

namespace {

std::string host(const Target& target) {
    return "127.0.0.1:" + std::to_string(target.port);
}

std::string post(const Target& target, const std::string& path, const std::string& cookie,
                 const std::string& body) {
    return "POST " + path + "?room=" + target.room + " HTTP/1.1\r\nHost: " + host(target) +
           (cookie.empty() ? std::string() : "\r\nCookie: lectern_device=" + cookie) +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

} // namespace

std::vector<std::string> issue_tokens(const Target& target, std::size_t count) {
    BlockingClient client(target.port);
    std::vector<std::string> tokens;
    const std::string request = post(target, "/api/device", "", "{}");
    for (std::size_t i = 0; i < count; ++i) {
        const auto answer = client.request(request);
        if (!answer || answer->status != 200)
            break;
        const std::string_view cookie = header_value(answer->head, "Set-Cookie");
        constexpr std::string_view name = "lectern_device=";
        if (!cookie.starts_with(name))
            break;
        const std::string_view value = cookie.substr(name.size());
        tokens.emplace_back(value.substr(0, value.find(';')));
    }
    return tokens;
}

std::vector<int> server_totals(const Target& target) {
    BlockingClient client(target.port);
    const auto answer = client.request("GET /api/state?room=" + target.room +
                                       " HTTP/1.1\r\nHost: " + host(target) + "\r\n\r\n");
    std::vector<int> totals;
    std::smatch found;
    if (answer && std::regex_search(answer->body, found, std::regex("\"results\":\\[([0-9,]*)\\]"))) {
        const std::string list = found[1];
        for (std::size_t at = 0; at < list.size();) {
            totals.push_back(std::atoi(list.c_str() + at));
            const std::size_t comma = list.find(',', at);
            at = comma == std::string::npos ? list.size() : comma + 1;
        }
    }
    return totals;
}

std::vector<double> vote_to_screen(present_bench::VirtualScreen& screen, const Target& target,
                                   const std::vector<std::string>& tokens) {
    std::vector<int> ys; // rows across the bars and their counts
    for (int y = 300; y < 900; y += 12)
        ys.push_back(y);
    BlockingClient client(target.port);
    std::vector<double> samples;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::vector<char> before = screen.rows(ys);
        const std::string body =
            "{\"poll\":\"" + target.poll + "\",\"choices\":[" + std::to_string(i % target.options + 1) + "]}";
        const double start = now_ms();
        client.request(post(target, "/api/vote", tokens[i], body));
        while (now_ms() - start < 2000 && screen.rows(ys) == before)
            sleep_ms(1);
        samples.push_back(now_ms() - start);
        sleep_ms(600); // the bars settle before the next sample
    }
    return samples;
}

} // namespace vote_bench
