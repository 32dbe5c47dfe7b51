#include "school_network.h"

#include "hex_digit.h"

#include <vector>

namespace lectern {

namespace {

bool private_ipv4(const Ipv4& a) {
    return a[0] == 127 || a[0] == 10 || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
           (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254);
}

std::optional<int> hex_group(std::string_view text) {
    if (text.empty() || text.size() > 4)
        return std::nullopt;
    int value = 0;
    for (char c : text) {
        const int digit = hex_digit_value(c);
        if (digit < 0)
            return std::nullopt;
        value = value * 16 + digit;
    }
    return value;
}

// The 16-bit groups of one side of "::" (a dotted IPv4 tail counts as two groups).
std::optional<std::vector<int>> groups_of(std::string_view text, bool tail_allowed) {
    std::vector<int> groups;
    if (text.empty())
        return groups;
    while (true) {
        const std::size_t colon = text.find(':');
        const std::string_view part = text.substr(0, colon);
        if (colon == std::string_view::npos && tail_allowed && part.find('.') != std::string_view::npos) {
            const auto v4 = parse_ipv4(part);
            if (!v4)
                return std::nullopt;
            groups.push_back((*v4)[0] << 8 | (*v4)[1]);
            groups.push_back((*v4)[2] << 8 | (*v4)[3]);
            return groups;
        }
        const auto group = hex_group(part);
        if (!group)
            return std::nullopt;
        groups.push_back(*group);
        if (colon == std::string_view::npos)
            return groups;
        text.remove_prefix(colon + 1);
    }
}

} // namespace

std::optional<Ipv4> parse_ipv4(std::string_view text) {
    Ipv4 out{};
    for (std::size_t part = 0; part < 4; ++part) {
        const std::size_t dot = text.find('.');
        const std::string_view digits = text.substr(0, dot);
        if (digits.empty() || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0'))
            return std::nullopt;
        int value = 0;
        for (char c : digits) {
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + (c - '0');
        }
        if (value > 255)
            return std::nullopt;
        out[part] = static_cast<std::uint8_t>(value);
        if ((part < 3) != (dot != std::string_view::npos))
            return std::nullopt;
        if (dot != std::string_view::npos)
            text.remove_prefix(dot + 1);
    }
    return out;
}

std::optional<Ipv6> parse_ipv6(std::string_view text) {
    if (const std::size_t zone = text.find('%'); zone != std::string_view::npos)
        text = text.substr(0, zone); // fe80::1%eth0
    const std::size_t gap = text.find("::");
    std::vector<int> groups;
    if (gap == std::string_view::npos) {
        auto all = groups_of(text, true);
        if (!all || all->size() != 8)
            return std::nullopt;
        groups = std::move(*all);
    } else {
        if (text.find("::", gap + 1) != std::string_view::npos)
            return std::nullopt;
        auto head = groups_of(text.substr(0, gap), false);
        auto tail = groups_of(text.substr(gap + 2), true);
        if (!head || !tail || head->size() + tail->size() > 7)
            return std::nullopt;
        groups = std::move(*head);
        groups.resize(8 - tail->size(), 0);
        groups.insert(groups.end(), tail->begin(), tail->end());
    }
    Ipv6 out{};
    for (std::size_t i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<std::uint8_t>(groups[i] >> 8);
        out[2 * i + 1] = static_cast<std::uint8_t>(groups[i] & 0xFF);
    }
    return out;
}

bool is_this_machine(std::string_view address) {
    return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1";
}

bool is_school_network(std::string_view address) {
    if (const auto v4 = parse_ipv4(address))
        return private_ipv4(*v4);
    const auto v6 = parse_ipv6(address);
    if (!v6)
        return false;
    const Ipv6& a = *v6;
    bool zero_prefix = true;
    for (std::size_t i = 0; i < 10; ++i)
        zero_prefix = zero_prefix && a[i] == 0;
    if (zero_prefix && a[10] == 0xFF && a[11] == 0xFF) // ::ffff:a.b.c.d
        return private_ipv4({a[12], a[13], a[14], a[15]});
    if (zero_prefix && a[10] == 0 && a[11] == 0 && a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 1)
        return true; // ::1
    return (a[0] & 0xFE) == 0xFC || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80);
}

} // namespace lectern
