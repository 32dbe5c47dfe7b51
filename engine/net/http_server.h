// HttpServer: an event-driven HTTP/1.1 server (Boost.Beast on Asio) for the voting server and, later,
// the teacher's remote. One thread runs every connection: no thread per connection or per event stream,
// so slow, idle or streaming connections cost a few hundred bytes each, never a thread.
//
// Every connection has a budget and a deadline (the limits below): request headers must arrive within
// `header_deadline` of the connection opening (or of the first byte of a later request), the body
// within `body_deadline` more, or the answer is 408 and the connection closes; a kept-alive connection
// idle for `idle_timeout` is closed; an answer the client does not read within `write_deadline` closes
// it. Per address there are at most `connections_per_address` connections and, besides them,
// `streams_per_address` event streams (a class behind one router shares an address: raise them with
// the voting server's options), in total at most `max_connections` (the presenting machine itself always
// finds room) and, besides them, `max_streams`.
//
// Implemented: keep-alive, pipelined requests, Content-Length and chunked bodies up to `max_body_bytes`
// (413 beyond), headers up to `max_header_bytes` (431), answering later from any thread (HttpReply),
// Server-Sent Event streams per channel (each with a tag: one message per tag in use) with the latest
// message winning for a slow reader, and a
// comment on every stream every `stream_keepalive` so dead connections are noticed.
// Not implemented: TLS, HTTP/2, request bodies over a few KiB (nothing here needs them).
// Knows nothing of votes; the handler decides every answer. No SDL or ImGui.
#pragma once

#include "core/base/expected.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern {

struct HttpLimits {
    std::size_t connections_per_address = 32;
    std::size_t streams_per_address = 40;
    std::size_t max_connections = 10000;
    std::size_t max_streams = 5000;
    std::chrono::milliseconds header_deadline{5000};
    std::chrono::milliseconds body_deadline{5000};
    std::chrono::milliseconds idle_timeout{15000};
    std::chrono::milliseconds write_deadline{10000};
    std::chrono::milliseconds stream_keepalive{15000};
    std::size_t max_header_bytes = 8192;
    std::size_t max_body_bytes = 4096;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // "/api/vote"
    std::string query;   // "room=K7QP" (without "?")
    std::string address; // the peer's IP address as text ("127.0.0.2")
    HttpHeaders headers; // names in lower case, in the order sent
    std::string body;

    // The first header of that (lower-case) name, or "" when there is none.
    std::string_view header(std::string_view name) const;
    // The query parameter, percent-decoded; "" when absent (`has` tells the two apart).
    std::string query_value(std::string_view name, bool* has = nullptr) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    HttpHeaders headers;
    bool close = false; // close the connection once this answer is sent
};

// Where an event stream belongs; a broadcast reaches every stream of its channel.
enum class StreamChannel : std::uint8_t { Voters, Remote };
inline constexpr std::size_t stream_channel_count = 2;

class HttpConnection;

// The way to answer one request: exactly once, from any thread. Dropped unanswered, it answers 500.
class HttpReply {
public:
    explicit HttpReply(std::shared_ptr<HttpConnection> connection);
    HttpReply(HttpReply&&) noexcept = default;
    HttpReply& operator=(HttpReply&&) noexcept = default;
    HttpReply(const HttpReply&) = delete;
    HttpReply& operator=(const HttpReply&) = delete;
    ~HttpReply();

    void send(HttpResponse response) &&;
    // Makes the connection an event stream of `channel` (text/event-stream; `headers` added), sending
    // `first` at once. Over the stream limits it answers 429 (this address) or 503 (in total) instead.
    // `tag` names what this stream is sent by broadcast_each (the voter's language), "" for nothing.
    void stream(StreamChannel channel, HttpHeaders headers, std::string first, std::string tag = {}) &&;

private:
    std::shared_ptr<HttpConnection> m_connection;
};

// Called on the server's thread for every whole request. Must not block: answer now, or keep the
// reply and answer from another thread later.
using HttpHandler = std::function<void(HttpRequest, HttpReply)>;

// What the server holds now (tests and benchmarks read these).
struct HttpCounts {
    std::size_t connections = 0;
    std::size_t streams = 0;
};

class HttpServer {
public:
    // Listens on `bind`:`port` (0 = any free port) and starts serving; `default_headers` go with every
    // answer. A Failure saying why when it cannot (the port is in use, ...); never null.
    static Expected<std::unique_ptr<HttpServer>> start(const std::string& bind, int port,
                                                       const HttpLimits& limits, HttpHeaders default_headers,
                                                       HttpHandler handler);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    ~HttpServer(); // stop()
    // Closes every connection and joins the thread; nothing is handled after it returns.
    void stop();

    int port() const;
    HttpCounts counts() const;

    // From any thread: sends `message` to every stream of `channel` (a slow reader gets the latest).
    void broadcast(StreamChannel channel, std::string message);
    // From any thread: sends every stream of `channel` message_for(its tag), asking once per tag in use
    // (on the server's thread).
    void broadcast_each(StreamChannel channel,
                        std::function<std::string(const std::string& tag)> message_for);
    // From any thread: ends every stream of `channel` (the room code changed, ...).
    void close_streams(StreamChannel channel);
    // From any thread: runs `task` on the server's thread, after `delay`.
    void post(std::function<void()> task, std::chrono::milliseconds delay = {});

    struct Impl;

private:
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lectern
