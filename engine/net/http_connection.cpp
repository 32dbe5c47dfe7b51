// HttpConnection: one connection's requests, deadlines, answers and event stream (http_internals.h).
#include "core/base/concat.h"
#include "http_internals.h"

#include <boost/asio/write.hpp>
#include <sstream>

namespace lectern {

namespace {

// How long a closing connection waits for the client to close too; a connection refused at once (over a
// budget) waits less, so a flood of them cannot hold the process's file descriptors.
constexpr auto linger_time = std::chrono::milliseconds(2000);
constexpr auto refused_linger_time = std::chrono::milliseconds(250);

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

} // namespace

// No timer of its own: the server's sweep (HttpServer::Impl::sweep) looks at every connection's deadline a
// few times a second, so a request costs no timer syscalls or cancelled waits.
void HttpConnection::arm(std::chrono::milliseconds deadline) {
    m_deadline = std::chrono::steady_clock::now() + deadline;
}

void HttpConnection::disarm() {
    m_deadline = std::chrono::steady_clock::time_point::max();
}

void HttpConnection::on_deadline() {
    switch (m_phase) {
    case Phase::Header:
    case Phase::Body: {
        // Too slow to send a whole request: say so, and free the connection for someone else.
        error_code ignored;
        m_socket.cancel(ignored);
        HttpResponse response = http_error(408, "the request took too long to arrive; try again");
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
        answer(http_error(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
                                      " KiB at most)")));
        return;
    }
    if (error == http::error::header_limit) {
        answer(http_error(431, "the request's headers are too large"));
        return;
    }
    if (error == http::error::end_of_stream || error == asio::error::eof ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted) {
        close();
        return;
    }
    if (error) {
        answer(http_error(400, "the request could not be read"));
        return;
    }
    if (const auto length = m_parser->content_length(); length && *length > m_server.limits.max_body_bytes) {
        answer(http_error(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
                                      " KiB at most)")));
        return;
    }
    if (m_parser->is_done()) {
        dispatch();
        return;
    }
    if (const auto length = m_parser->content_length(); length && m_buffer.size() >= *length) {
        // The body came with the headers (as a browser's small vote does): read it from the buffer now,
        // which never waits on the socket, rather than through another round of the event loop.
        error_code body_error;
        http::read(m_socket, m_buffer, *m_parser, body_error);
        m_phase = Phase::Body;
        on_body(body_error);
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
        answer(http_error(413, concat("the request is too large (", m_server.limits.max_body_bytes / 1024,
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
    disarm(); // no deadline while the handler works (it answers within its own time)
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
    HttpResponse response = http_error(status, message);
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

void HttpConnection::start_stream(StreamChannel channel, HttpHeaders headers, std::string first,
                                  std::string tag) {
    if (m_phase != Phase::Handling)
        return;
    HttpServer::Impl::AddressUse& use = m_server.by_address[m_address];
    if (use.streams >= m_server.limits.streams_per_address) {
        answer(http_error(429, "too many devices at this address are following the lesson; this page "
                               "checks again by itself"));
        return;
    }
    if (m_server.stream_count >= m_server.limits.max_streams) {
        answer(
            http_error(503, "too many devices are following the lesson; this page checks again by itself"));
        return;
    }
    ++use.streams;
    --use.connections; // a class behind one router follows on many devices: streams have their own limit
    --m_server.connection_count;
    ++m_server.stream_count;
    m_channel = channel;
    m_stream_tag = std::move(tag);
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
    arm(m_counted ? linger_time
                  : refused_linger_time); // once: a client that keeps sending is cut off all the same
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
                          self->disarm();
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
    m_server.connections.erase(this);
    if (m_counted) {
        m_server.forget(m_address, was_stream);
        m_counted = false;
    }
    error_code ignored;
    m_socket.close(ignored);
}

} // namespace lectern
