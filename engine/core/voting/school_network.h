// SchoolNetwork: which addresses may use the voting server. Only loopback and the private ranges of
// vote-api.md (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10, and IPv4 inside IPv6 as
// ::ffff:a.b.c.d); everything else is refused (privacy rule 4). Pure: reads address text with libc's
// inet_pton, no sockets.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace lectern {

using Ipv4 = std::array<std::uint8_t, 4>;
using Ipv6 = std::array<std::uint8_t, 16>;

// Address text as inet_pton reads it, bytes in network order; nothing when the text is no address.
std::optional<Ipv4> parse_ipv4(std::string_view text); // dotted decimal, four parts, no leading zeros
std::optional<Ipv6> parse_ipv6(std::string_view text); // RFC 4291, "::" and a dotted tail; a %zone is ignored

// True for loopback and private addresses; false for anything else, including text that is no address.
bool is_school_network(std::string_view address);

// The presenting machine itself as it reaches its own server (127.0.0.1, ::1, ::ffff:127.0.0.1): tools
// and benchmarks on it are not limited like devices. Other 127/8 addresses are not this (the tests use
// 127.0.0.2 to play another machine).
bool is_this_machine(std::string_view address);

} // namespace lectern
