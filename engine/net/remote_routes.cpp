#include "remote_routes.h"

#include "built_in_files.h"
#include "core/base/concat.h"
#include "device_tokens.h"
#include "http_answers.h"
#include "page_policy.h"

#include <charconv>
#include <memory>
#include <sodium.h>

namespace lectern {

namespace {

constexpr std::string_view remote_cookie = "lectern_remote";
constexpr std::size_t session_bytes = 32;

HttpResponse page() {
    HttpResponse response;
    response.content_type = "text/html; charset=utf-8";
    response.body = std::string(remote_page());
    static const std::string policy = page_policy(remote_page(), "'self'");
    response.headers.emplace_back("Content-Security-Policy", policy);
    return response;
}

HttpResponse not_signed_in() {
    return error_response(401, "type the PIN shown on the presenter panel first");
}

// ?width= from 1 to remote_picture_max_width; 640 when absent.
std::optional<int> width_of(const HttpRequest& request) {
    bool has = false;
    const std::string text = request.query_value("width", &has);
    if (!has)
        return 640;
    int width = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
    if (error != std::errc() || end != text.data() + text.size() || width < 1 ||
        width > remote_picture_max_width)
        return std::nullopt;
    return width;
}

} // namespace

std::string random_remote_pin() {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start (no random source)");
    return remote_pin_from(randombytes_uniform(1000000));
}

RemoteRoutes::RemoteRoutes(std::string pin, RemoteHooks hooks)
    : m_hooks(std::move(hooks)), m_access(std::move(pin)) {
    m_state_json = remote_state_json(RemoteState{});
}

bool RemoteRoutes::serves(std::string_view path) {
    return is_page(path) || path == "/api/remote" || path.starts_with("/api/remote/");
}

bool RemoteRoutes::is_page(std::string_view path) {
    return path == "/remote" || path == "/remote/"; // a browser or a teacher may add the slash
}

void RemoteRoutes::handle(const HttpRequest& request, HttpReply reply, HttpServer& http,
                          std::size_t slide_count) {
    const std::string& path = request.path;
    const bool post_only = path == "/api/remote/login" || path == "/api/remote/command";
    const bool get_only = is_page(path) || path == "/api/remote/state" || path == "/api/remote/events" ||
                          path == "/api/remote/slide.png";
    if (auto refusal = route_refusal(request, post_only, get_only,
                                     "there is nothing at this address; the remote is at /remote")) {
        std::move(reply).send(std::move(*refusal));
        return;
    }
    if (is_page(path)) {
        std::move(reply).send(page());
        return;
    }
    if (path == "/api/remote/login") {
        std::move(reply).send(login(request, http));
        return;
    }
    if (!signed_in(request)) {
        std::move(reply).send(not_signed_in());
        return;
    }
    if (path == "/api/remote/command") {
        command(request, std::move(reply), slide_count);
    } else if (path == "/api/remote/state") {
        std::lock_guard lock(m_mutex);
        std::move(reply).send(json_response(200, m_state_json));
    } else if (path == "/api/remote/events") {
        std::string first;
        {
            std::lock_guard lock(m_mutex);
            first = concat("retry: 2000\n\nevent: state\ndata: ", m_state_json, "\n\n");
        }
        std::move(reply).stream(StreamChannel::Remote, {{"X-Accel-Buffering", "no"}}, std::move(first));
    } else {
        slide_png(request, std::move(reply));
    }
}

bool RemoteRoutes::signed_in(const HttpRequest& request) const {
    const std::string_view session = cookie_value(request.header("cookie"), remote_cookie);
    std::lock_guard lock(m_mutex);
    return m_access.signed_in(session);
}

HttpResponse RemoteRoutes::login(const HttpRequest& request, HttpServer& http) {
    const Expected<std::string> pin = parse_remote_login(request.body);
    if (!pin)
        return error_response(400, pin.error());
    const std::string session = random_hex(session_bytes);
    RemoteLoginResult result;
    {
        std::lock_guard lock(m_mutex);
        result = m_access.login(*pin, request.address, session, steady_now_ms());
    }
    switch (result.outcome) {
    case RemoteLogin::SignedIn: {
        if (result.evicted) // the oldest remote is signed out: its stream must stop carrying the notes
            http.close_streams(StreamChannel::Remote);
        HttpResponse response = json_response(200, "{\"ok\":true}");
        set_session_cookie(response, remote_cookie, session);
        return response;
    }
    case RemoteLogin::TooSoon:
        return too_soon("too many wrong PINs from this network address: wait, then try again",
                        result.retry_after_ms);
    case RemoteLogin::Locked:
        return error_response(
            423, "the remote is locked after too many wrong PINs: unlock it on the presenter panel");
    case RemoteLogin::WrongPin:
        break;
    }
    return error_response(403,
                          "that is not the PIN: it is on the presenter panel, never on the room's screen");
}

void RemoteRoutes::command(const HttpRequest& request, HttpReply reply, std::size_t slide_count) {
    const Expected<RemoteCommand> command = parse_remote_command(request.body, slide_count);
    if (!command) {
        std::move(reply).send(error_response(400, command.error()));
        return;
    }
    if (!m_hooks.command) {
        std::move(reply).send(error_response(503, "the presentation is not taking commands"));
        return;
    }
    std::shared_ptr<HttpReply> box = hold(std::move(reply));
    m_hooks.command(*command, [this, box] {
        std::string state;
        {
            std::lock_guard lock(m_mutex);
            state = m_state_json;
        }
        std::move(*box).send(json_response(200, std::move(state)));
    });
}

void RemoteRoutes::slide_png(const HttpRequest& request, HttpReply reply) {
    const std::string which = request.query_value("which");
    const std::optional<int> width = width_of(request);
    if ((which != "current" && which != "next") || !width) {
        std::move(reply).send(
            error_response(400, concat("ask for ?which=current or ?which=next, and a width from 1 to ",
                                       remote_picture_max_width)));
        return;
    }
    if (!m_hooks.slide_png) {
        std::move(reply).send(error_response(503, "the presentation is not drawing pictures"));
        return;
    }
    std::shared_ptr<HttpReply> box = hold(std::move(reply));
    m_hooks.slide_png(which == "next", *width, [box](Expected<std::string> png) {
        if (!png) {
            std::move(*box).send(error_response(404, png.error()));
            return;
        }
        HttpResponse response;
        response.content_type = "image/png";
        response.body = std::move(*png);
        std::move(*box).send(std::move(response));
    });
}

std::shared_ptr<HttpReply> RemoteRoutes::hold(HttpReply reply) {
    m_replies.enter();
    // A shared box, since the hook's callback may be copied; when the last copy goes (answered or
    // dropped), the count goes down and ~VoteServer may go on.
    return std::shared_ptr<HttpReply>(new HttpReply(std::move(reply)), [this](HttpReply* kept) {
        delete kept;
        m_replies.leave();
    });
}

void RemoteRoutes::wait_for_replies() {
    m_replies.wait_until_none();
}

void RemoteRoutes::set_state(const RemoteState& state, HttpServer& http) {
    std::string message;
    {
        std::lock_guard lock(m_mutex);
        std::string json = remote_state_json(state);
        if (json == m_state_json)
            return;
        m_state_json = std::move(json);
        message = concat("event: state\ndata: ", m_state_json, "\n\n");
    }
    http.broadcast(StreamChannel::Remote, std::move(message));
}

std::string RemoteRoutes::pin() const {
    std::lock_guard lock(m_mutex);
    return m_access.pin();
}

std::vector<SignedInRemote> RemoteRoutes::remotes() const {
    std::lock_guard lock(m_mutex);
    return m_access.remotes();
}

bool RemoteRoutes::locked() const {
    std::lock_guard lock(m_mutex);
    return m_access.locked();
}

void RemoteRoutes::sign_out(int number, HttpServer& http) {
    {
        std::lock_guard lock(m_mutex);
        m_access.sign_out(number);
    }
    // Streams carry no session, so all close: the remotes still signed in reconnect by themselves.
    http.close_streams(StreamChannel::Remote);
}

std::string RemoteRoutes::new_pin(HttpServer& http) {
    std::string pin;
    {
        std::lock_guard lock(m_mutex);
        do
            pin = random_remote_pin();
        while (pin == m_access.pin());
        m_access.new_pin(pin);
    }
    http.close_streams(StreamChannel::Remote);
    return pin;
}

void RemoteRoutes::unlock() {
    std::lock_guard lock(m_mutex);
    m_access.unlock();
}

} // namespace lectern
