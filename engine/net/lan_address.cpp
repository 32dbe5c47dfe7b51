#include "lan_address.h"

#include "core/voting/school_network.h"

#include <arpa/inet.h>
#include <fstream>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sstream>
#include <string_view>
#include <vector>

namespace lectern {

namespace {

// The interface of the default IPv4 route, from /proc/net/route ("" when there is none).
std::string default_route_interface() {
    std::ifstream routes("/proc/net/route");
    std::string line;
    std::getline(routes, line); // the heading
    while (std::getline(routes, line)) {
        std::istringstream fields(line);
        std::string name, destination;
        if (fields >> name >> destination && destination == "00000000")
            return name;
    }
    return {};
}

bool is_virtual(std::string_view name) {
    for (std::string_view prefix :
         {"docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg"}) {
        if (name.starts_with(prefix))
            return true;
    }
    return false;
}

} // namespace

std::string lan_address(const std::string& bind) {
    if (!bind.empty() && bind != "0.0.0.0")
        return bind;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return "127.0.0.1";
    struct Candidate {
        std::string name, address;
    };
    std::vector<Candidate> candidates;
    for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET || !(entry->ifa_flags & IFF_UP) ||
            (entry->ifa_flags & IFF_LOOPBACK))
            continue;
        char text[INET_ADDRSTRLEN] = "";
        const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        if (inet_ntop(AF_INET, &address->sin_addr, text, sizeof text))
            candidates.push_back({entry->ifa_name, text});
    }
    freeifaddrs(list);
    const std::string route = default_route_interface();
    for (const Candidate& c : candidates) {
        if (c.name == route && is_school_network(c.address))
            return c.address;
    }
    for (const Candidate& c : candidates) {
        if (!is_virtual(c.name) && is_school_network(c.address))
            return c.address;
    }
    return "127.0.0.1";
}

std::vector<std::string> machine_addresses() {
    std::vector<std::string> addresses;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return {"127.0.0.1", "::1"};
    for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || !(entry->ifa_flags & IFF_UP))
            continue;
        char text[INET6_ADDRSTRLEN] = "";
        if (entry->ifa_addr->sa_family == AF_INET) {
            const auto* address = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
            inet_ntop(AF_INET, &address->sin_addr, text, sizeof text);
        } else if (entry->ifa_addr->sa_family == AF_INET6) {
            const auto* address = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
            inet_ntop(AF_INET6, &address->sin6_addr, text, sizeof text);
        }
        if (text[0] != '\0')
            addresses.emplace_back(text);
    }
    freeifaddrs(list);
    return addresses;
}

} // namespace lectern
