// Inside the HTTP server (http_server.h): what every connection shares (HttpServer::Impl) and one
// connection (HttpConnection). Only http_server.cpp and http_connection.cpp include this; nothing outside
// engine/net sees Asio or Beast.
#pragma once

#include "http_server.h"

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <thread>
#include <unordered_set>

namespace lectern {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// An error answer as every part of the server writes it: JSON with a message, and the connection closed.
HttpResponse http_error(int status, std::string_view message);

// What every connection shares: the limits, the handler, and the counts per address.
struct HttpServer::Impl {
    Impl(const HttpLimits& given, HttpHeaders every_answer, HttpHandler on_request)
        : limits(given), default_headers(std::move(every_answer)), handler(std::move(on_request)),
          acceptor(io), keepalive_timer(io), sweep_timer(io) {}

    struct AddressUse {
        std::size_t connections = 0;
        std::size_t streams = 0;
    };

    HttpLimits limits;
    HttpHeaders default_headers;
    HttpHandler handler;
    // Only the server's thread touches these.
    std::map<std::string, AddressUse> by_address;
    std::array<std::unordered_set<HttpConnection*>, stream_channel_count> streams;
    std::unordered_set<HttpConnection*> connections;
    std::atomic<std::size_t> connection_count = 0;
    std::atomic<std::size_t> stream_count = 0;
    int port = 0;
    // Last, so that they go first: handlers still queued hold connections, which give their counts back
    // to the maps above as they go.
    asio::io_context io;
    tcp::acceptor acceptor;
    asio::steady_timer keepalive_timer;
    asio::steady_timer sweep_timer;
    std::thread thread;

    void accept();
    void keep_streams_alive();
    void sweep();
    void forget(const std::string& address, bool was_stream);
};

// One connection: reads requests one after another, each within its deadlines, hands them to the
// handler, and writes the answers; or, once asked, follows an event stream until the client goes.
class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
public:
    HttpConnection(HttpServer::Impl& server, tcp::socket socket, std::string address)
        : m_server(server), m_socket(std::move(socket)), m_address(std::move(address)) {}
    ~HttpConnection() { close(); }

    void start() { read_header(); }
    void refuse(int status, std::string_view message, std::string_view retry_after_s);
    void answer(HttpResponse response);
    void start_stream(StreamChannel channel, HttpHeaders headers, std::string first, std::string tag);
    const std::string& stream_tag() const { return m_stream_tag; }
    void stream_send(std::string message);
    bool streaming() const { return m_phase == Phase::Streaming; }
    void close();
    asio::any_io_executor executor() { return m_socket.get_executor(); }

private:
    enum class Phase { Idle, Header, Body, Handling, Writing, Streaming, Lingering, Closed };

    void arm(std::chrono::milliseconds deadline);
    void disarm();
    void on_deadline();
    void wait_for_next();
    void read_header();
    void on_header(error_code error);
    void on_body(error_code error);
    void dispatch();
    void write(std::unique_ptr<http::response<http::string_body>> response, bool keep_alive);
    void write_stream(std::string message);
    void linger();
    void discard_while(Phase phase);

    HttpServer::Impl& m_server;
    tcp::socket m_socket;
    std::string m_address;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::unique_ptr<http::response<http::string_body>> m_response;
    std::string m_stream_out;  // being written to a stream
    std::string m_stream_next; // waiting for it (the latest message wins)
    std::array<char, 256> m_discard{};
    Phase m_phase = Phase::Header;
    StreamChannel m_channel = StreamChannel::Voters;
    std::string m_stream_tag; // what broadcast_each sends this stream (the voter's language)
    bool m_keep_alive = false;
    bool m_counted = false;
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    std::size_t m_requests = 0;

    friend struct HttpServer::Impl;
};

} // namespace lectern
