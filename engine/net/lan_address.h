// LanAddress: the address pupils' devices should use to reach this machine, for the join slide and its
// QR code: the IPv4 address of the interface the default route goes through (the school network), else
// the first private address that is not a container or virtual bridge, else loopback.
#pragma once

#include <string>
#include <vector>

namespace lectern {

// `bind` is the --bind address: when it names one address (not 0.0.0.0), that is the answer.
std::string lan_address(const std::string& bind);

// Every IPv4 and IPv6 address of this machine's interfaces that are up (loopback included), as text:
// the names a device may put in the Host header to reach this server.
std::vector<std::string> machine_addresses();

} // namespace lectern
