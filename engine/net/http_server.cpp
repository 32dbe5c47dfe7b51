#include "http_server.h"

#include "core/concat.h"
#include "core/hex_digit.h"
#include "core/json.h"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>

namespace lectern {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

// Accepting fails while every file descriptor is in use: wait this long before trying again.
constexpr auto accept_retry = std::chrono::milliseconds(100);
// How long a closing connection waits for the client to close too.
constexpr auto linger_time = std::chrono::milliseconds(2000);

std::string error_body(std::string_view message) {
    return concat("{\"ok\":false,\"error\":", json_string(message), '}');
}

HttpResponse error_response(int status, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.body = error_body(message);
    response.close = true;
    return response;
}

// Boost 1.74's Beast speaks boost::string_view.
std::string_view view(beast::string_view text) {
    return {text.data(), text.size()};
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
                   hex_digit_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::string_view HttpRequest::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

std::string HttpRequest::query_value(std::string_view name, bool* has) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        const std::size_t end = rest.find('&');
        const std::string_view pair = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const std::size_t equals = pair.find('=');
        if (percent_decoded(pair.substr(0, equals)) == name) {
            if (has)
                *has = true;
            return equals == std::string_view::npos ? std::string()
                                                    : percent_decoded(pair.substr(equals + 1));
        }
    }
    if (has)
        *has = false;
    return {};
}

// What every connection shares: the limits, the handler, and the counts per address.
struct HttpServer::Impl {
    Impl(const HttpLimits& given, HttpHeaders every_answer, HttpHandler on_request)
        : limits(given), default_headers(std::move(every_answer)), handler(std::move(on_request)),
          acceptor(io), keepalive_timer(io) {}

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
    std::thread thread;

    void accept();
    void keep_streams_alive();
    void forget(const std::string& address, bool was_stream);
};

// One connection: reads requests one after another, each within its deadlines, hands them to the
// handler, and writes the answers; or, once asked, follows an event stream until the client goes.
class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
public:
    HttpConnection(HttpServer::Impl& server, tcp::socket socket, std::string address)
        : m_server(server), m_socket(std::move(socket)), m_timer(m_server.io), m_address(std::move(address)) {
    }
    ~HttpConnection() { close(); }

    void start() { read_header(); }
    void refuse(int status, std::string_view message, std::string_view retry_after_s);
    void answer(HttpResponse response);
    void start_stream(StreamChannel channel, HttpHeaders headers, std::string first);
    void stream_send(std::string message);
    bool streaming() const { return m_phase == Phase::Streaming; }
    void close();
    asio::any_io_executor executor() { return m_socket.get_executor(); }

private:
    enum class Phase { Idle, Header, Body, Handling, Writing, Streaming, Lingering, Closed };

    void arm(std::chrono::milliseconds deadline);
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
    asio::steady_timer m_timer;
    std::string m_address;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::unique_ptr<http::response<http::string_body>> m_response;
    std::string m_stream_out;  // being written to a stream
    std::string m_stream_next; // waiting for it (the latest message wins)
    std::array<char, 256> m_discard{};
    Phase m_phase = Phase::Header;
    StreamChannel m_channel = StreamChannel::Voters;
    bool m_keep_alive = false;
    bool m_counted = false;
    std::uint64_t m_deadline_generation = 0;
    std::size_t m_requests = 0;

    friend struct HttpServer::Impl;
};

void HttpConnection::arm(std::chrono::milliseconds deadline) {
    const std::uint64_t generation = ++m_deadline_generation;
    m_timer.expires_after(deadline);
    m_timer.async_wait([self = shared_from_this(), generation](error_code error) {
        if (!error && generation == self->m_deadline_generation)
            self->on_deadline();
    });
}

void HttpConnection::on_deadline() {
    switch (m_phase) {
    case Phase::Header:
    case Phase::Body: {
        // Too slow to send a whole request: say so, and free the connection for someone else.
        error_code ignored;
        m_socket.cancel(ignored);
        HttpResponse response = error_response(408, "the request took too long to arrive; try again");
        answer(std::move(response));
        return;
    }
    case Phase::Idle:
    case Phase::Writing:
    case Phase::Streaming:
    case Phase::Lingering:
        close();
        return;
    case Phase::Handling:
    case Phase::Closed:
        return;
    }
}

void HttpConnection::wait_for_next() {
    if (m_buffer.size() > 0) { // a pipelined request is already here
        read_header();
        return;
    }
    m_phase = Phase::Idle;
    m_buffer.shrink_to_fit(); // an idle connection keeps no buffer
    arm(m_server.limits.idle_timeout);
    m_socket.async_wait(tcp::socket::wait_read, [self = shared_from_this()](error_code error) {
        if (self->m_phase != Phase::Idle)
            return;
        if (error) {
            self->close();
            return;
        }
        self->read_header();
    });
}

void HttpConnection::read_header() {
    m_phase = Phase::Header;
    arm(m_server.limits.header_deadline);
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(m_server.limits.max_header_bytes));
    m_parser->body_limit(m_server.limits.max_body_bytes);
    http::async_read_header(
        m_socket, m_buffer, *m_parser,
        [self = shared_from_this()](error_code error, std::size_t) { self->on_header(error); });
}

void HttpConnection::on_header(error_code error) {
    if (m_phase != Phase::Header)
        return;
    if (error == http::error::body_limit) { // its Content-Length says so before the body comes
        answer(error_response(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
                                          " KiB at most)")));
        return;
    }
    if (error == http::error::header_limit) {
        answer(error_response(431, "the request's headers are too large"));
        return;
    }
    if (error == http::error::end_of_stream || error == asio::error::eof ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted) {
        close();
        return;
    }
    if (error) {
        answer(error_response(400, "the request could not be read"));
        return;
    }
    if (const auto length = m_parser->content_length(); length && *length > m_server.limits.max_body_bytes) {
        answer(error_response(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
                                          " KiB at most)")));
        return;
    }
    if (m_parser->is_done()) {
        dispatch();
        return;
    }
    m_phase = Phase::Body;
    arm(m_server.limits.body_deadline);
    http::async_read(
        m_socket, m_buffer, *m_parser,
        [self = shared_from_this()](error_code body_error, std::size_t) { self->on_body(body_error); });
}

void HttpConnection::on_body(error_code error) {
    if (m_phase != Phase::Body)
        return;
    if (error == http::error::body_limit) {
        answer(error_response(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
                                          " KiB at most)")));
        return;
    }
    if (error) {
        close();
        return;
    }
    dispatch();
}

void HttpConnection::dispatch() {
    m_phase = Phase::Handling;
    ++m_deadline_generation; // no deadline while the handler works (it answers within its own time)
    error_code ignored;
    m_timer.cancel(ignored);
    http::request<http::string_body> message = m_parser->release();
    m_parser.reset();
    ++m_requests;
    m_keep_alive = message.keep_alive();
    HttpRequest request;
    request.method = std::string(view(message.method_string()));
    const std::string_view target = view(message.target());
    const std::size_t question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
        request.query = std::string(target.substr(question + 1));
    request.address = m_address;
    for (const auto& field : message)
        request.headers.emplace_back(lower(view(field.name_string())), std::string(view(field.value())));
    request.body = std::move(message.body());
    m_server.handler(std::move(request), HttpReply(shared_from_this()));
}

void HttpConnection::answer(HttpResponse response) {
    if (m_phase == Phase::Closed || m_phase == Phase::Writing || m_phase == Phase::Streaming)
        return;
    auto message = std::make_unique<http::response<http::string_body>>();
    message->version(11);
    message->result(static_cast<unsigned>(response.status));
    message->set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : m_server.default_headers)
        message->insert(name, value);
    for (auto& [name, value] : response.headers)
        message->insert(name, value);
    message->body() = std::move(response.body);
    const bool keep_alive = m_keep_alive && !response.close && m_phase == Phase::Handling;
    message->keep_alive(keep_alive);
    message->prepare_payload();
    write(std::move(message), keep_alive);
}

void HttpConnection::refuse(int status, std::string_view message, std::string_view retry_after_s) {
    HttpResponse response = error_response(status, message);
    response.headers.emplace_back("Retry-After", std::string(retry_after_s));
    m_phase = Phase::Handling;
    answer(std::move(response));
}

void HttpConnection::write(std::unique_ptr<http::response<http::string_body>> response, bool keep_alive) {
    m_phase = Phase::Writing;
    m_response = std::move(response);
    arm(m_server.limits.write_deadline);
    http::async_write(m_socket, *m_response,
                      [self = shared_from_this(), keep_alive](error_code error, std::size_t) {
                          if (self->m_phase != Phase::Writing)
                              return;
                          self->m_response.reset();
                          if (error) {
                              self->close();
                              return;
                          }
                          if (!keep_alive) {
                              self->linger();
                              return;
                          }
                          self->wait_for_next();
                      });
}

void HttpConnection::start_stream(StreamChannel channel, HttpHeaders headers, std::string first) {
    if (m_phase != Phase::Handling)
        return;
    HttpServer::Impl::AddressUse& use = m_server.by_address[m_address];
    if (use.streams >= m_server.limits.streams_per_address) {
        answer(error_response(429, "too many devices at this address are following the lesson; this page "
                                   "checks again by itself"));
        return;
    }
    if (m_server.stream_count >= m_server.limits.max_streams) {
        answer(error_response(503,
                              "too many devices are following the lesson; this page checks again by itself"));
        return;
    }
    ++use.streams;
    --use.connections; // a class behind one router follows on many devices: streams have their own limit
    ++m_server.stream_count;
    m_channel = channel;
    m_server.streams[static_cast<std::size_t>(channel)].insert(this);
    m_phase = Phase::Streaming;
    http::response<http::empty_body> head;
    head.version(11);
    head.result(http::status::ok);
    head.set(http::field::content_type, "text/event-stream");
    for (const auto& [name, value] : m_server.default_headers)
        head.insert(name, value);
    for (auto& [name, value] : headers)
        head.insert(name, value);
    head.keep_alive(false); // the stream lasts until either side closes
    std::ostringstream text;
    text << head.base();
    write_stream(text.str() + first);
    discard_while(Phase::Streaming);
}

// After a last answer: say we are done, then read and drop what the client still sends until it closes
// too (or a moment passes). Closing with unread data would reset the connection, and the client could
// lose the answer it has not read yet.
void HttpConnection::linger() {
    m_phase = Phase::Lingering;
    error_code ignored;
    m_socket.shutdown(tcp::socket::shutdown_send, ignored);
    arm(linger_time); // once: a client that keeps sending is cut off all the same
    discard_while(Phase::Lingering);
}

// Reads and drops what the client sends while the connection stays in `phase`, and closes once the client
// has gone: a stream's follower sends nothing more (so this notices at once when it leaves), and the
// client of a closing connection may still be sending.
void HttpConnection::discard_while(Phase phase) {
    m_socket.async_read_some(asio::buffer(m_discard),
                             [self = shared_from_this(), phase](error_code error, std::size_t) {
                                 if (self->m_phase != phase)
                                     return;
                                 if (error)
                                     self->close();
                                 else
                                     self->discard_while(phase);
                             });
}

void HttpConnection::stream_send(std::string message) {
    if (m_phase != Phase::Streaming)
        return;
    if (!m_stream_out.empty()) {
        m_stream_next = std::move(message); // a slow reader gets the latest state, not a backlog
        return;
    }
    write_stream(std::move(message));
}

void HttpConnection::write_stream(std::string message) {
    m_stream_out = std::move(message);
    arm(m_server.limits.write_deadline);
    asio::async_write(m_socket, asio::buffer(m_stream_out),
                      [self = shared_from_this()](error_code error, std::size_t) {
                          if (self->m_phase != Phase::Streaming)
                              return;
                          if (error) {
                              self->close();
                              return;
                          }
                          ++self->m_deadline_generation;
                          self->m_stream_out.clear();
                          if (!self->m_stream_next.empty())
                              self->write_stream(std::exchange(self->m_stream_next, {}));
                          else
                              self->m_stream_out.shrink_to_fit();
                      });
}

void HttpConnection::close() {
    if (m_phase == Phase::Closed)
        return;
    const bool was_stream = m_phase == Phase::Streaming;
    m_phase = Phase::Closed;
    if (was_stream)
        m_server.streams[static_cast<std::size_t>(m_channel)].erase(this);
    if (m_counted) {
        m_server.connections.erase(this);
        m_server.forget(m_address, was_stream);
        m_counted = false;
    }
    error_code ignored;
    m_timer.cancel(ignored);
    m_socket.close(ignored);
}

void HttpServer::Impl::forget(const std::string& address, bool was_stream) {
    --connection_count;
    const auto found = by_address.find(address);
    if (found == by_address.end())
        return;
    if (was_stream) {
        --found->second.streams;
        --stream_count;
    } else {
        --found->second.connections;
    }
    if (found->second.connections == 0 && found->second.streams == 0)
        by_address.erase(found);
}

void HttpServer::Impl::accept() {
    acceptor.async_accept([this](error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted)
            return;
        if (error) { // out of file descriptors, most likely: let the connections we have finish first
            auto retry = std::make_shared<asio::steady_timer>(io, accept_retry);
            retry->async_wait([this, retry](error_code) { accept(); });
            return;
        }
        error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        const tcp::endpoint peer = socket.remote_endpoint(ignored);
        asio::ip::address address = peer.address();
        if (address.is_v6() && address.to_v6().is_v4_mapped())
            address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
        auto connection = std::make_shared<HttpConnection>(*this, std::move(socket), address.to_string());
        AddressUse& use = by_address[connection->m_address];
        if (use.connections >= limits.connections_per_address || connection_count >= limits.max_connections) {
            const bool from_address = use.connections >= limits.connections_per_address;
            if (use.connections == 0 && use.streams == 0)
                by_address.erase(connection->m_address);
            if (from_address)
                connection->refuse(429, "too many connections from this address; try again in a moment", "2");
            else
                connection->refuse(503, "the teacher's computer is busy; try again in a moment", "2");
        } else {
            ++use.connections;
            ++connection_count;
            connection->m_counted = true;
            connections.insert(connection.get());
            connection->start();
        }
        accept();
    });
}

void HttpServer::Impl::keep_streams_alive() {
    keepalive_timer.expires_after(limits.stream_keepalive);
    keepalive_timer.async_wait([this](error_code error) {
        if (error)
            return;
        for (auto& channel : streams) {
            for (HttpConnection* connection : channel) {
                if (connection->m_stream_out.empty())
                    connection->stream_send(": still here\n\n"); // finds connections that died without a word
            }
        }
        keep_streams_alive();
    });
}

HttpReply::HttpReply(std::shared_ptr<HttpConnection> connection) : m_connection(std::move(connection)) {
}

HttpReply::~HttpReply() {
    if (m_connection)
        std::move(*this).send(
            error_response(500, "something went wrong on the teacher's computer; try again"));
}

void HttpReply::send(HttpResponse response) && {
    std::shared_ptr<HttpConnection> connection = std::move(m_connection);
    if (!connection)
        return;
    asio::dispatch(connection->executor(), [connection, answer = std::move(response)]() mutable {
        connection->answer(std::move(answer));
    });
}

void HttpReply::stream(StreamChannel channel, HttpHeaders headers, std::string first) && {
    std::shared_ptr<HttpConnection> connection = std::move(m_connection);
    if (!connection)
        return;
    asio::dispatch(connection->executor(),
                   [connection, channel, extra = std::move(headers), message = std::move(first)]() mutable {
                       connection->start_stream(channel, std::move(extra), std::move(message));
                   });
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
}

std::unique_ptr<HttpServer> HttpServer::start(const std::string& bind, int port, const HttpLimits& limits,
                                              HttpHeaders default_headers, HttpHandler handler,
                                              std::string& error) {
    auto impl = std::make_unique<Impl>(limits, std::move(default_headers), std::move(handler));
    error_code failure;
    const asio::ip::address address = asio::ip::make_address(bind, failure);
    if (failure) {
        error = concat('"', bind, "\" is not an IP address");
        return nullptr;
    }
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    impl->acceptor.open(endpoint.protocol(), failure);
    if (!failure)
        impl->acceptor.set_option(asio::socket_base::reuse_address(true), failure);
    if (!failure)
        impl->acceptor.bind(endpoint, failure);
    if (!failure)
        impl->acceptor.listen(4096, failure); // a class joining at once
    if (failure) {
        error = failure.message();
        return nullptr;
    }
    impl->port = impl->acceptor.local_endpoint().port();
    Impl& server = *impl;
    server.accept();
    server.keep_streams_alive();
    server.thread = std::thread([&server] { server.io.run(); });
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::stop() {
    Impl& server = *m_impl;
    if (!server.thread.joinable())
        return;
    asio::post(server.io, [&server] {
        error_code ignored;
        server.acceptor.close(ignored);
        server.keepalive_timer.cancel(ignored);
        const std::unordered_set<HttpConnection*> open = server.connections;
        for (HttpConnection* connection : open)
            connection->close();
        server.io.stop();
    });
    if (server.thread.joinable())
        server.thread.join();
}

int HttpServer::port() const {
    return m_impl->port;
}

HttpCounts HttpServer::counts() const {
    return {m_impl->connection_count.load(), m_impl->stream_count.load()};
}

void HttpServer::broadcast(StreamChannel channel, std::string message) {
    Impl& server = *m_impl;
    asio::post(server.io, [&server, channel, text = std::move(message)] {
        for (HttpConnection* connection : server.streams[static_cast<std::size_t>(channel)])
            connection->stream_send(text);
    });
}

void HttpServer::close_streams(StreamChannel channel) {
    Impl& server = *m_impl;
    asio::post(server.io, [&server, channel] {
        const std::unordered_set<HttpConnection*> open = server.streams[static_cast<std::size_t>(channel)];
        for (HttpConnection* connection : open)
            connection->close();
    });
}

void HttpServer::post(std::function<void()> task, std::chrono::milliseconds delay) {
    Impl& server = *m_impl;
    if (delay.count() <= 0) {
        asio::post(server.io, std::move(task));
        return;
    }
    auto timer = std::make_shared<asio::steady_timer>(server.io, delay);
    timer->async_wait([timer, work = std::move(task)](error_code error) {
        if (!error)
            work();
    });
}

} // namespace lectern
