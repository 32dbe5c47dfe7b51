// Loopback sockets for the load: connections from chosen 127.0.x.y source addresses (each stands for a
// school device's address, with its own per-address budgets on the server), HTTP/1.1 responses read off a
// byte stream, a blocking keep-alive client for the untimed requests, and the open-file limit raised.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vote_bench {

// 127.0.0.1: the presenting machine itself, exempt from the per-address request and new-device budgets.
constexpr std::uint32_t this_machine = 0x7F000001u;

// The index-th simulated device address, from 127.0.1.1 on (250 a /24, never 127.0.0.x). Host order.
std::uint32_t device_address(std::size_t index);

std::string address_text(std::uint32_t address);

// A non-blocking TCP connection from `source` to 127.0.0.1:port, with TCP_NODELAY; -1 on failure.
// The connect may still be in progress (EPOLLOUT says when it is done).
int open_connection(std::uint32_t source, int port);

// Raises RLIMIT_NOFILE to its hard limit (thousands of connections are held at once); the new soft limit.
long raise_file_limit();

// One HTTP/1.1 response at the start of a byte stream.
struct ResponseView {
    int status = 0;
    std::size_t size = 0; // bytes of the whole response (headers and Content-Length body)
    std::string_view head, body;
};

// The response at the start of `bytes` once it is whole (nullopt while more must arrive). With
// `head_only`, complete once the headers are (an event stream's body never ends).
std::optional<ResponseView> whole_response(std::string_view bytes, bool head_only = false);

// The value of the first header `name` (any case) in `head`, or "".
std::string_view header_value(std::string_view head, std::string_view name);

struct Response {
    int status = 0;
    std::string head, body;
};

// Blocking keep-alive client from 127.0.0.1, for requests outside the timed part (tokens, totals).
class BlockingClient {
public:
    explicit BlockingClient(int port) : m_port(port) {}
    ~BlockingClient() { close(); }
    BlockingClient(const BlockingClient&) = delete;
    BlockingClient& operator=(const BlockingClient&) = delete;

    // Sends `request` and waits up to 5 s for its whole answer (reconnecting once if the server had
    // closed the kept-alive connection). nullopt on failure.
    std::optional<Response> request(const std::string& text);
    void close();

private:
    std::optional<Response> attempt(const std::string& text);

    int m_port;
    int m_fd = -1;
    std::string m_in;
};

} // namespace vote_bench
