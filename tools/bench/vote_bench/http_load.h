// HttpLoad: many simulated devices voting over loopback at an offered rate, driven by one epoll loop so
// the client costs little of the machine the server also runs on. Each vote is a request on a new
// connection, as lectern answers one request per connection. Open loop: vote k of device d is due at
// (k * devices + d) / rate seconds; a device whose previous vote is still unanswered sends as soon as
// it is answered, and every time is measured from when the vote was due, so a slow server cannot hide
// its queue (no coordinated omission).
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
    std::size_t votes_per_device = 5; // each vote after the first changes the device's mind
    std::size_t options = 4;
    double rate = 5000;         // votes offered a second
    std::size_t token_base = 0; // device tokens start here, so separate runs use separate devices
};

struct LoadResult {
    double elapsed_ms = 0;               // from the first vote due to the last answer
    std::vector<double> ack_ms;          // per vote: from when it was due to its whole answer
    std::map<int, std::size_t> statuses; // HTTP status -> how many
    std::vector<int> expected_totals;    // per option, from every device's last acknowledged choice
    std::size_t failed = 0;              // connections refused or cut before a whole answer
    std::string error;
};

// The choice a device makes on its k-th vote (1-based option).
int choice_of(std::size_t device, std::size_t vote, std::size_t options);

LoadResult run_load(const LoadPlan& plan);

// One blocking request; returns the whole response text ("" on failure).
std::string http_request(int port, const std::string& request);

} // namespace vote_bench
