// HttpLoad: many simulated devices voting at once over loopback, each on its own keep-alive connection,
// driven by one epoll loop so the client costs little of the machine the server also runs on.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace vote_bench {

struct LoadPlan {
    int port = 0;
    std::string room;
    std::string poll;
    std::size_t devices = 1000;
    std::size_t votes_per_device = 5; // each device votes, then changes its mind this many times less one
    std::size_t options = 4;
};

struct LoadResult {
    double elapsed_ms = 0;               // from the first connection to the last answer
    std::vector<double> ack_ms;          // per vote: from sending it to its whole answer
    std::map<int, std::size_t> statuses; // HTTP status -> how many
    std::vector<int> expected_totals;    // per option, from every device's last acknowledged choice
    std::size_t failed_connections = 0;
    std::string error;
};

// The choice a device makes on its k-th vote (1-based option).
int choice_of(std::size_t device, std::size_t vote, std::size_t options);

LoadResult run_load(const LoadPlan& plan);

// One blocking request; returns the whole response text ("" on failure).
std::string http_request(int port, const std::string& request);

} // namespace vote_bench
