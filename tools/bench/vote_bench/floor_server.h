// The floor: the least keep-alive HTTP server, run by the same load as lectern on the same machine in the
// same run, so lectern's figures can be read as ratios against what the machine and the load generator
// allow at all. One thread and one epoll loop; it answers every request at once with
// 200 {"ok":true,"changed":false}, saves nothing and checks nothing. POST /api/device also sets a device
// cookie, and GET /api/events becomes a never-ending event stream, so the same client code drives both.
#pragma once

namespace vote_bench {

// Serves on 127.0.0.1:port until killed (it also dies with its parent). Returns 1 if it cannot listen.
int run_floor_server(int port);

} // namespace vote_bench
