#include "vote_server.h"

#include "built_in_files.h"
#include "connection_guard.h"
#include "core/concat.h"
#include "core/json.h"
#include "core/room_code.h"
#include "core/school_network.h"
#include "core/vote_request.h"
#include "core/voter_state.h"
#include "deadline_stream.h"
#include "lan_address.h"
#include "qr_code.h"
#include "worker_pool.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace lectern {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t max_body_bytes = 4096;
constexpr std::size_t worker_stack_bytes = 256 * 1024;
constexpr auto wake_interval = std::chrono::milliseconds(100); // at most ten wakes a second
constexpr auto stream_keepalive = std::chrono::seconds(15);
constexpr std::string_view device_cookie = "lectern_device";

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void send_json(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view message) {
    send_json(res, status, concat("{\"ok\":false,\"error\":", json_string(message), '}'));
}

bool is_token(std::string_view text) {
    if (text.size() != 32)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// The lectern_device cookie's value, or "" when there is none (or it is not one of ours).
std::string cookie_token(const httplib::Request& req) {
    const std::string header = req.get_header_value("Cookie");
    std::string_view rest = header;
    while (!rest.empty()) {
        const std::size_t end = rest.find(';');
        std::string_view pair = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        if (pair.starts_with(device_cookie) && pair.size() > device_cookie.size() &&
            pair[device_cookie.size()] == '=') {
            const std::string_view value = pair.substr(device_cookie.size() + 1);
            if (is_token(value))
                return std::string(value);
        }
    }
    return {};
}

// A session cookie: no expiry date, so it goes when the browser closes; never readable by scripts.
void set_device_cookie(httplib::Response& res, const std::string& token) {
    res.set_header("Set-Cookie", concat(device_cookie, '=', token, "; Path=/; HttpOnly; SameSite=Strict"));
}

// cpp-httplib's server, serving each connection through a DeadlineStream once the ConnectionGuard lets
// it in. One request per connection (see start()).
class GuardedServer final : public httplib::Server {
public:
    GuardedServer(ConnectionGuard& guard, std::chrono::milliseconds deadline)
        : m_guard(guard), m_deadline(deadline) {}

private:
    bool process_and_close_socket(socket_t sock) override {
        current_address = address_of(sock, false);
        bool served = false;
        if (m_guard.admit(current_address)) {
            current_counted = true;
            DeadlineStream stream(sock, m_deadline, std::chrono::seconds(5));
            bool closed = false;
            served = process_request(stream, true, closed, nullptr);
            if (current_counted)
                m_guard.release(current_address);
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return served;
    }

public:
    // The connection this thread serves, so an event stream can stop counting against its address.
    static thread_local std::string current_address;
    static thread_local bool current_counted;

private:
    ConnectionGuard& m_guard;
    std::chrono::milliseconds m_deadline;
};

thread_local std::string GuardedServer::current_address;
thread_local bool GuardedServer::current_counted = false;

// A class's worth of event streams needs more open files than a desktop session allows by default (1,024).
void raise_open_file_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

std::string random_token() {
    static std::mutex mutex;
    static std::random_device source;
    std::lock_guard lock(mutex);
    std::string token;
    for (int i = 0; i < 4; ++i) {
        char part[9];
        std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(source()));
        token += part;
    }
    return token;
}

struct VoteServer::Impl {
    Impl(const VoteServerOptions& given, PollBook& shared_book, std::function<void()> wake_presentation)
        : options(given), book(shared_book), wake(std::move(wake_presentation)),
          guard(given.connections_per_address), http(guard, given.request_deadline),
          devices(given.device_rule), addresses(given.address_rule) {}

    VoteServerOptions options;
    PollBook& book;
    std::function<void()> wake;
    ConnectionGuard guard;
    GuardedServer http;
    std::thread listener;
    std::thread waker;
    int port = 0;
    std::string host;

    // What voters are told, and the deck it comes from; guarded by state_mutex.
    std::mutex state_mutex;
    std::condition_variable state_cv;
    Deck deck;
    std::map<std::string, int> max_chars; // words polls
    std::size_t slide = 0;
    std::string state_json;
    std::uint64_t state_version = 0;
    std::string room;
    JoinDetails join;
    bool stopping = false;

    // Results changed: the waker refreshes the state and wakes the presentation, then rests a moment.
    std::mutex wake_mutex;
    std::condition_variable wake_cv;
    bool wake_pending = false;
    bool wake_stopping = false;

    std::mutex rate_mutex;
    RateLimiter devices;
    RateLimiter addresses;
    std::atomic<std::size_t> event_streams = 0;

    void set_deck_locked(const Deck& next) {
        deck = next;
        max_chars.clear();
        for (const Slide& s : deck.slides) {
            if (s.layout == SlideLayout::Words && s.question)
                max_chars[s.id] = s.question->max_chars;
        }
    }

    void set_room_locked(std::string code) {
        room = std::move(code);
        join.room_code = room;
        join.address = concat("http://", host, ':', port, "/?room=", room);
        const QrModules qr = qr_code_of(join.address);
        join.qr_size = qr.size;
        join.qr_modules = qr.modules;
    }

    // Rebuilds the state voters see; wakes the event streams when it changed.
    void refresh_state() {
        std::lock_guard lock(state_mutex);
        const Slide* shown = slide < deck.slides.size() && is_interactive(deck.slides[slide].layout)
                                 ? &deck.slides[slide]
                                 : nullptr;
        std::string json = book.read([&](const std::map<std::string, PollState>& polls) {
            const auto found = shown ? polls.find(shown->id) : polls.end();
            return voter_state_json(slide + 1, shown, found == polls.end() ? nullptr : &found->second);
        });
        if (json != state_json) {
            state_json = std::move(json);
            ++state_version;
            state_cv.notify_all();
        }
    }

    void results_changed() {
        {
            std::lock_guard lock(wake_mutex);
            wake_pending = true;
        }
        wake_cv.notify_one();
    }

    void run_waker() {
        std::unique_lock lock(wake_mutex);
        while (true) {
            wake_cv.wait(lock, [this] { return wake_pending || wake_stopping; });
            if (wake_stopping)
                return;
            wake_pending = false;
            lock.unlock();
            refresh_state();
            if (wake)
                wake();
            lock.lock();
            wake_cv.wait_for(lock, wake_interval, [this] { return wake_stopping; });
        }
    }

    bool room_matches(const httplib::Request& req, httplib::Response& res) {
        std::string code;
        {
            std::lock_guard lock(state_mutex);
            code = room;
        }
        if (!is_room_code(req.get_param_value("room"), code)) {
            send_error(res, 403,
                       req.has_param("room")
                           ? "that room code is not this lesson's: check the code on the screen"
                           : "the address needs the room code: ?room= and the code on the screen");
            return false;
        }
        return true;
    }

    // The device's token, set as a cookie when it has none yet.
    std::string device_of(const httplib::Request& req, httplib::Response& res) {
        std::string token = cookie_token(req);
        if (token.empty()) {
            token = random_token();
            set_device_cookie(res, token);
        }
        return token;
    }

    // 0 when the request may go ahead, else milliseconds to wait.
    std::int64_t limited(const std::string& device, const std::string& address) {
        std::lock_guard lock(rate_mutex);
        const std::int64_t now = now_ms();
        std::int64_t wait = devices.take(device, now);
        if (!is_this_machine(address))
            wait = std::max(wait, addresses.take(address, now));
        return wait;
    }

    void handle_vote(const httplib::Request& req, httplib::Response& res) {
        if (!room_matches(req, res))
            return;
        const std::string device = device_of(req, res);
        if (const std::int64_t wait = limited(device, req.remote_addr); wait > 0) {
            res.set_header("Retry-After", std::to_string((wait + 999) / 1000));
            send_json(
                res, 429,
                concat("{\"ok\":false,\"error\":\"too many answers at once: your last one is sent again in a "
                       "moment\",\"retry_after_ms\":",
                       wait, '}'));
            return;
        }
        const VoteRequestParse parsed = parse_vote_request(req.body);
        if (!parsed.request) {
            send_error(res, 400, parsed.error);
            return;
        }
        const VoteRequest& vote = *parsed.request;
        BookEntry entry;
        if (vote.text) {
            std::size_t limit = 0; // not a words poll: the book says why the text does not fit
            {
                std::lock_guard lock(state_mutex);
                if (const auto found = max_chars.find(vote.poll); found != max_chars.end())
                    limit = static_cast<std::size_t>(found->second);
            }
            entry = book.answer(vote.poll, *vote.text, limit, held_because(*vote.text, options.word_filter),
                                unix_seconds());
        } else {
            entry = book.vote(vote.poll, device, *vote.choices);
        }
        switch (entry.outcome) {
        case VoteOutcome::Counted:
        case VoteOutcome::Changed:
            results_changed();
            if (!entry.saved) {
                send_error(res, 503, "your answer could not be saved on the teacher's computer: try again");
                return;
            }
            send_json(res, 200,
                      concat("{\"ok\":true,\"changed\":",
                             entry.outcome == VoteOutcome::Changed ? "true" : "false", '}'));
            return;
        case VoteOutcome::NotOpen:
            send_error(res, 409, entry.message);
            return;
        case VoteOutcome::Invalid:
            send_error(res, entry.cannot_keep ? 503 : 400, entry.message);
            return;
        }
    }

    void handle_events(const httplib::Request& req, httplib::Response& res) {
        if (!room_matches(req, res))
            return;
        if (++event_streams > options.max_event_streams) {
            --event_streams;
            res.set_header("Retry-After", "5");
            send_error(res, 503,
                       "too many devices are following the lesson; this page checks again by itself");
            return;
        }
        device_of(req, res);
        WorkerPool::park_current(); // this thread now follows one device for the whole lesson
        if (GuardedServer::current_counted) {
            guard.release(GuardedServer::current_address); // streams last; they do not count as in progress
            GuardedServer::current_counted = false;
        }
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, seen = std::uint64_t{0}, first = true](std::size_t, httplib::DataSink& sink) mutable {
                std::string message = first ? "retry: 2000\n\n" : "";
                first = false;
                {
                    std::unique_lock lock(state_mutex);
                    state_cv.wait_for(lock, stream_keepalive,
                                      [&] { return stopping || state_version != seen; });
                    if (stopping)
                        return false;
                    if (state_version != seen) {
                        seen = state_version;
                        message += concat("event: state\ndata: ", state_json, "\n\n");
                    } else {
                        message += ": still here\n\n"; // finds connections that died without a word
                    }
                }
                return sink.write(message.data(), message.size());
            },
            [this](bool) {
                --event_streams;
                WorkerPool::unpark_current();
            });
    }

    void add_routes() {
        // Nothing a voter's browser keeps or passes on: no caching, no referrer, no content sniffing.
        http.set_default_headers({{"Cache-Control", "no-store"},
                                  {"Referrer-Policy", "no-referrer"},
                                  {"X-Content-Type-Options", "nosniff"}});
        http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            if (is_school_network(req.remote_addr))
                return httplib::Server::HandlerResponse::Unhandled;
            send_error(res, 403, "voting is open only to devices on the school network");
            return httplib::Server::HandlerResponse::Handled;
        });
        http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
            device_of(req, res);
            const std::string_view page = voter_page();
            res.set_header("Content-Security-Policy",
                           "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                           "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'");
            res.set_content(page.data(), page.size(), "text/html; charset=utf-8");
        });
        http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
        http.Get("/api/state", [this](const httplib::Request& req, httplib::Response& res) {
            if (!room_matches(req, res))
                return;
            device_of(req, res);
            std::lock_guard lock(state_mutex);
            send_json(res, 200, state_json);
        });
        http.Get("/api/events",
                 [this](const httplib::Request& req, httplib::Response& res) { handle_events(req, res); });
        http.Post("/api/vote",
                  [this](const httplib::Request& req, httplib::Response& res) { handle_vote(req, res); });
        // Shared tablets (?shared=1): a fresh device token after each vote, so the next pupil counts anew.
        http.Post("/api/device", [this](const httplib::Request& req, httplib::Response& res) {
            if (!room_matches(req, res))
                return;
            if (const std::int64_t wait = limited(cookie_token(req), req.remote_addr); wait > 0) {
                res.set_header("Retry-After", std::to_string((wait + 999) / 1000));
                send_error(res, 429, "too many requests at once: wait a moment");
                return;
            }
            set_device_cookie(res, random_token());
            send_json(res, 200, "{\"ok\":true}");
        });
        for (const char* path : {"/api/vote", "/api/device"})
            http.Get(path, [](const httplib::Request&, httplib::Response& res) {
                res.set_header("Allow", "POST");
                send_error(res, 405, "send this with POST");
            });
        http.set_error_handler(
            httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
                if (!res.body.empty())
                    return httplib::Server::HandlerResponse::Unhandled;
                switch (res.status) {
                case 404:
                    send_error(res, 404, "there is nothing at this address; the voter page is at /");
                    break;
                case 413:
                    send_error(res, 413, "the request is too large (4 KiB at most)");
                    break;
                case 400:
                    send_error(res, 400, "the request could not be read");
                    break;
                default:
                    send_error(res, res.status, "the request could not be answered");
                    break;
                }
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            send_error(res, 500, "something went wrong on the teacher's computer; try again");
        });
    }
};

VoteServer::VoteServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
}

std::unique_ptr<VoteServer> VoteServer::start(const VoteServerOptions& options, PollBook& book,
                                              const Deck& deck, std::function<void()> wake,
                                              std::string& error) {
    raise_open_file_limit();
    auto impl = std::make_unique<Impl>(options, book, std::move(wake));
    Impl& s = *impl;
    s.set_deck_locked(deck);
    s.add_routes();
    s.http.set_payload_max_length(max_body_bytes);
    // One request per connection: cpp-httplib waits for a kept-alive connection's next request by polling
    // every 10 ms on the connection's own thread, which would keep hundreds of threads busy after a
    // class has voted. A new connection on the school network costs about a millisecond.
    s.http.set_keep_alive_max_count(1);
    s.http.set_tcp_nodelay(true);
    const std::size_t max_working = options.max_working_threads;
    s.http.new_task_queue = [max_working] {
        struct Queue final : httplib::TaskQueue {
            explicit Queue(std::size_t max) : pool(max, worker_stack_bytes) {}
            void enqueue(std::function<void()> fn) override { pool.enqueue(std::move(fn)); }
            void shutdown() override { pool.shutdown(); }
            WorkerPool pool;
        };
        return new Queue(max_working);
    };
    int listening = -1;
    s.http.set_socket_options([&listening](int sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = sock;
    });
    s.port = options.port == 0 ? s.http.bind_to_any_port(options.bind) : options.port;
    if (s.port <= 0 || (options.port != 0 && !s.http.bind_to_port(options.bind, options.port))) {
        error = concat("cannot listen on ", options.bind, " port ", options.port,
                       " (is another lectern running? choose another with --port, or turn voting off with "
                       "--no-vote)");
        return nullptr;
    }
    // httplib listens with a queue of 5; a class joining at once needs far more.
    if (listening >= 0)
        ::listen(listening, 1024);
    s.http.set_socket_options([](int) {}); // `listening` goes out of scope: nothing may refer to it
    s.host = lan_address(options.bind);
    s.set_room_locked(options.room_code.empty()
                          ? room_code_from(static_cast<std::uint32_t>(std::random_device()()))
                          : options.room_code);
    s.refresh_state();
    s.listener = std::thread([&s] { s.http.listen_after_bind(); });
    for (int i = 0; i < 2000 && !s.http.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    s.waker = std::thread([&s] { s.run_waker(); });
    return std::unique_ptr<VoteServer>(new VoteServer(std::move(impl)));
}

VoteServer::~VoteServer() {
    Impl& s = *m_impl;
    {
        std::lock_guard lock(s.state_mutex);
        s.stopping = true;
    }
    s.state_cv.notify_all();
    {
        std::lock_guard lock(s.wake_mutex);
        s.wake_stopping = true;
    }
    s.wake_cv.notify_all();
    // cpp-httplib's stop() does nothing until its accept loop has begun; start() waited for that, but
    // never wait for ever on a loop that ended by itself.
    for (int i = 0; i < 2000 && !s.http.is_running() && s.listener.joinable(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    s.http.stop();
    if (s.listener.joinable())
        s.listener.join();
    if (s.waker.joinable())
        s.waker.join();
}

void VoteServer::set_deck(const Deck& deck) {
    {
        std::lock_guard lock(m_impl->state_mutex);
        m_impl->set_deck_locked(deck);
    }
    m_impl->refresh_state();
}

void VoteServer::show(std::size_t slide) {
    {
        std::lock_guard lock(m_impl->state_mutex);
        m_impl->slide = slide;
    }
    m_impl->refresh_state();
}

void VoteServer::polls_changed() {
    m_impl->refresh_state();
}

std::string VoteServer::rotate_room() {
    std::lock_guard lock(m_impl->state_mutex);
    std::string code;
    do
        code = room_code_from(static_cast<std::uint32_t>(std::random_device()()));
    while (code == m_impl->room);
    m_impl->set_room_locked(code);
    return code;
}

JoinDetails VoteServer::join() const {
    std::lock_guard lock(m_impl->state_mutex);
    return m_impl->join;
}

int VoteServer::port() const {
    return m_impl->port;
}

} // namespace lectern
