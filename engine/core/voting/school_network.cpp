#include "school_network.h"

#include <arpa/inet.h>
#include <string>

namespace lectern {

namespace {

bool private_ipv4(const Ipv4& a) {
    return a[0] == 127 || a[0] == 10 || (a[0] == 172 && (a[1] & 0xF0) == 16) ||
           (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254);
}

// libc's reader of address text (AF_INET: four decimal parts without leading zeros; AF_INET6: RFC 4291,
// "::" and a dotted tail allowed), which writes the address's bytes in network order. It reads a C
// string, so text with a NUL inside is no address rather than the part before the NUL.
template <typename Bytes>
std::optional<Bytes> address_bytes(int family, std::string_view text) {
    if (text.find('\0') != std::string_view::npos)
        return std::nullopt;
    Bytes out{};
    if (::inet_pton(family, std::string(text).c_str(), out.data()) != 1)
        return std::nullopt;
    return out;
}

} // namespace

std::optional<Ipv4> parse_ipv4(std::string_view text) {
    return address_bytes<Ipv4>(AF_INET, text);
}

std::optional<Ipv6> parse_ipv6(std::string_view text) {
    if (const std::size_t zone = text.find('%'); zone != std::string_view::npos)
        text = text.substr(0, zone); // fe80::1%eth0: inet_pton takes no zone
    return address_bytes<Ipv6>(AF_INET6, text);
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
