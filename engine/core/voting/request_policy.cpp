#include "request_policy.h"

#include "core/base/header_text.h"

#include <algorithm>
#include <cctype>

namespace lectern {

namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

bool is_own_host(std::string_view host_header, const OwnHosts& own) {
    std::string_view host = without_optional_space(host_header);
    std::string_view port;
    if (host.starts_with('[')) { // an IPv6 literal: [::1]:8750
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos)
            return false;
        port = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!port.empty() && !port.starts_with(':'))
            return false;
        if (!port.empty())
            port.remove_prefix(1);
    } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1); // an IPv6 address must be in brackets: "::1:8750" names nothing
        host = host.substr(0, colon);
    }
    const std::string expected_port = std::to_string(own.port);
    if (port.empty() ? own.port != 80 : port != expected_port)
        return false;
    return !host.empty() && std::ranges::any_of(own.names, [host](const std::string& name) {
        return same_ignoring_case(host, name);
    });
}

bool is_cross_site(std::string_view origin, std::string_view sec_fetch_site, std::string_view host_header) {
    if (same_ignoring_case(without_optional_space(sec_fetch_site), "cross-site"))
        return true;
    origin = without_optional_space(origin);
    if (origin.empty())
        return false;
    constexpr std::string_view scheme = "http://";
    return !(origin.size() > scheme.size() && same_ignoring_case(origin.substr(0, scheme.size()), scheme) &&
             same_ignoring_case(origin.substr(scheme.size()), without_optional_space(host_header)));
}

bool is_json_content_type(std::string_view content_type) {
    std::string_view type = without_optional_space(content_type.substr(0, content_type.find(';')));
    return same_ignoring_case(type, "application/json");
}

} // namespace lectern
