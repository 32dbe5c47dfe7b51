#include "http_server.h"

#include "core/base/concat.h"
#include "core/base/hex_digit.h"
#include "core/base/json.h"
#include "core/voting/school_network.h"
#include "http_internals.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <map>

namespace lectern {

namespace {

// Accepting fails while every file descriptor is in use: wait this long before trying again.
constexpr auto accept_retry = std::chrono::milliseconds(100);
// How often every connection's deadline is looked at: deadlines hold to within this.
constexpr auto deadline_sweep = std::chrono::milliseconds(200);

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

HttpResponse http_error(int status, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.body = concat("{\"ok\":false,\"error\":", json_string(message), '}');
    response.close = true;
    return response;
}

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

void HttpServer::Impl::forget(const std::string& address, bool was_stream) {
    if (!was_stream)
        --connection_count; // a stream left it when it became one
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
        connections.insert(connection.get()); // refused ones too: their deadlines are swept like the rest
        AddressUse& use = by_address[connection->m_address];
        // The presenting machine itself always finds room (the teacher's own tools), whatever the rest hold.
        const bool full =
            connection_count >= limits.max_connections && !is_this_machine(connection->m_address);
        if (use.connections >= limits.connections_per_address || full) {
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
            connection->start();
        }
        accept();
    });
}

// Every connection past its deadline gets what its phase calls for (a 408, or closing): one timer for all
// of them, rather than a timer armed and cancelled several times for every request.
void HttpServer::Impl::sweep() {
    sweep_timer.expires_after(deadline_sweep);
    sweep_timer.async_wait([this](error_code error) {
        if (error)
            return;
        const auto now = std::chrono::steady_clock::now();
        std::vector<std::shared_ptr<HttpConnection>> late;
        for (HttpConnection* connection : connections) {
            if (connection->m_deadline <= now)
                late.push_back(connection->shared_from_this());
        }
        for (const auto& connection : late) {
            connection->disarm();
            connection->on_deadline();
        }
        sweep();
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
        std::move(*this).send(http_error(500, "something went wrong on the teacher's computer; try again"));
}

void HttpReply::send(HttpResponse response) && {
    std::shared_ptr<HttpConnection> connection = std::move(m_connection);
    if (!connection)
        return;
    asio::dispatch(connection->executor(), [connection, answer = std::move(response)]() mutable {
        connection->answer(std::move(answer));
    });
}

void HttpReply::stream(StreamChannel channel, HttpHeaders headers, std::string first, std::string tag) && {
    std::shared_ptr<HttpConnection> connection = std::move(m_connection);
    if (!connection)
        return;
    asio::dispatch(connection->executor(), [connection, channel, extra = std::move(headers),
                                            message = std::move(first),
                                            stream_tag = std::move(tag)]() mutable {
        connection->start_stream(channel, std::move(extra), std::move(message), std::move(stream_tag));
    });
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
}

Expected<std::unique_ptr<HttpServer>> HttpServer::start(const std::string& bind, int port,
                                                        const HttpLimits& limits, HttpHeaders default_headers,
                                                        HttpHandler handler) {
    auto impl = std::make_unique<Impl>(limits, std::move(default_headers), std::move(handler));
    error_code failure;
    const asio::ip::address address = asio::ip::make_address(bind, failure);
    if (failure)
        return Failure{concat('"', bind, "\" is not an IP address")};
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    impl->acceptor.open(endpoint.protocol(), failure);
    if (!failure)
        impl->acceptor.set_option(asio::socket_base::reuse_address(true), failure);
    if (!failure)
        impl->acceptor.bind(endpoint, failure);
    if (!failure)
        impl->acceptor.listen(4096, failure); // a class joining at once
    if (failure)
        return Failure{failure.message()};
    impl->port = impl->acceptor.local_endpoint().port();
    Impl& server = *impl;
    server.accept();
    server.keep_streams_alive();
    server.sweep();
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
        server.sweep_timer.cancel(ignored);
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

void HttpServer::broadcast_each(StreamChannel channel,
                                std::function<std::string(const std::string& tag)> message_for) {
    Impl& server = *m_impl;
    asio::post(server.io, [&server, channel, message_for = std::move(message_for)] {
        std::map<std::string, std::string> made; // one message per tag in use, whatever the streams
        for (HttpConnection* connection : server.streams[static_cast<std::size_t>(channel)]) {
            auto found = made.find(connection->stream_tag());
            if (found == made.end())
                found = made.emplace(connection->stream_tag(), message_for(connection->stream_tag())).first;
            connection->stream_send(found->second);
        }
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
