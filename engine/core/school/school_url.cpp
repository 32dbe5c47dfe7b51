#include "school_url.h"

#include "core/base/concat.h"

#include <charconv>

namespace lectern {

namespace {
constexpr std::string_view form = "write it as mqtt://HOST, mqtt://USER:PASS@HOST:PORT or mqtts://HOST";
} // namespace

Expected<SchoolUrl> parse_school_url(std::string_view text) {
    SchoolUrl url;
    if (text.starts_with("mqtt://")) {
        text.remove_prefix(7);
    } else if (text.starts_with("mqtts://")) {
        text.remove_prefix(8);
        url.tls = true;
        url.port = 8883;
    } else {
        return Failure{concat("the school's broker must start with mqtt:// or mqtts://: ", form)};
    }
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        if (slash + 1 != text.size())
            return Failure{concat("the school's broker address has a path, which MQTT does not use: ", form)};
        text.remove_suffix(1);
    }
    if (const std::size_t at = text.rfind('@'); at != std::string_view::npos) {
        const std::string_view credentials = text.substr(0, at);
        const std::size_t colon = credentials.find(':');
        url.user = std::string(credentials.substr(0, colon));
        if (colon != std::string_view::npos)
            url.password = std::string(credentials.substr(colon + 1));
        if (url.user.empty())
            return Failure{concat("the school's broker address has an empty user name: ", form)};
        text.remove_prefix(at + 1);
    }
    std::string_view host = text;
    if (host.starts_with('[')) { // an IPv6 address, [::1]:1883
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos)
            return Failure{concat("the school's broker address has an unclosed '[': ", form)};
        url.host = std::string(host.substr(1, close - 1));
        host.remove_prefix(close + 1);
        if (!host.empty() && !host.starts_with(':'))
            return Failure{concat("unexpected text after the broker's address: ", form)};
    } else {
        const std::size_t colon = host.rfind(':');
        url.host = std::string(host.substr(0, colon));
        host = colon == std::string_view::npos ? std::string_view() : host.substr(colon);
    }
    if (!host.empty()) {
        host.remove_prefix(1); // ':'
        int port = 0;
        const auto [end, error] = std::from_chars(host.data(), host.data() + host.size(), port);
        if (error != std::errc() || end != host.data() + host.size() || port < 1 || port > 65535)
            return Failure{concat("the school's broker port must be a number from 1 to 65535: ", form)};
        url.port = port;
    }
    if (url.host.empty())
        return Failure{concat("the school's broker address has no host: ", form)};
    return url;
}

} // namespace lectern
