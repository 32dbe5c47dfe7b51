#include "vote_server.h"

#include "built_in_files.h"
#include "core/base/concat.h"
#include "core/base/json.h"
#include "core/polls/answer_text.h"
#include "core/text/utf8.h"
#include "core/voting/request_policy.h"
#include "core/voting/room_code.h"
#include "core/voting/school_network.h"
#include "core/voting/vote_request.h"
#include "core/voting/voter_language.h"
#include "core/voting/voter_state.h"
#include "http_answers.h"
#include "in_flight.h"
#include "lan_address.h"
#include "page_policy.h"
#include "qr_code.h"
#include "voter_states.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <sodium.h>
#include <sys/resource.h>
#include <unordered_set>

namespace lectern {

namespace {

constexpr auto wake_interval = std::chrono::milliseconds(100); // at most ten wakes a second
constexpr std::string_view device_cookie = "lectern_device";

std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string_view device_cookie_of(const HttpRequest& request) {
    return cookie_value(request.header("cookie"), device_cookie);
}

// A class's worth of connections needs more open files than a desktop session allows by default (1,024).
void raise_open_file_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

std::string random_room_code() {
    return room_code_from(randombytes_random());
}

// What voters are told, and what it is made from. Guarded by Impl::shown_mutex.
struct Shown {
    std::shared_ptr<const Deck> deck;     // the presentation's, never null
    std::map<std::string, int> max_chars; // words polls
    std::size_t slide = 0;
    std::string state_json;              // in the deck's own language: tells whether anything changed
    std::shared_ptr<VoterStates> states; // the same, in every language a device asks for
    std::string room;
    std::vector<std::string> old_rooms; // this session's earlier codes: telling of them gives nothing away
    JoinDetails join;
    std::map<std::string, std::vector<int>> school; // a school's totals by poll id (set_school_totals)
};

// The limits the server's thread keeps per address and device; only that thread touches them.
struct Budgets {
    RateLimiter devices;
    RateLimiter addresses;
    RateLimiter room_guesses;
    RateLimiter new_devices;
};

} // namespace

struct VoteServer::Impl {
    Impl(const VoteServerOptions& given, PollBook& shared_book, std::function<void()> wake_presentation)
        : options(given), book(shared_book), wake(std::move(wake_presentation)),
          tokens(given.device_key ? *given.device_key : random_device_key()),
          budgets{RateLimiter(given.device_rule), RateLimiter(given.address_rule),
                  RateLimiter(given.room_guess_rule),
                  RateLimiter(RateRule{static_cast<double>(given.devices_per_address) / 60.0,
                                       static_cast<double>(given.devices_per_address)})} {}

    VoteServerOptions options;
    PollBook& book;
    std::function<void()> wake;
    DeviceTokens tokens;
    Budgets budgets;
    OwnHosts own_hosts;
    std::unordered_set<std::string> joined_devices; // have sent the right room code (server's thread only)

    mutable std::mutex shown_mutex;
    Shown shown;

    // Votes handed to the book and not yet answered: the server waits for them before it goes.
    InFlight saving;

    // Results changed: refresh and wake now, then rest; changes meanwhile wait for the rest to end.
    struct Wakes {
        bool resting = false;
        bool pending = false;
        std::atomic<bool> posted = false; // one post to the server's thread for a batch of votes
    } wakes;

    std::unique_ptr<RemoteRoutes> remote; // null when the remote is off
    std::string remote_address;           // "http://HOST:PORT/remote", "" when the remote is off
    std::atomic<bool> ready = false;      // set once everything above is filled in
    std::unique_ptr<HttpServer> http;     // last: it calls into everything above until it stops

    void set_deck_locked(std::shared_ptr<const Deck> next) {
        shown.deck = std::move(next);
        shown.max_chars.clear();
        for (const Slide& s : shown.deck->slides) {
            if (s.layout == SlideLayout::Words && s.question)
                shown.max_chars[s.id] = s.question->max_chars;
        }
    }

    void set_room_locked(std::string code, const std::string& host) {
        shown.room = std::move(code);
        shown.join.room_code = shown.room;
        shown.join.address = concat("http://", host, ':', http ? http->port() : 0, "/?room=", shown.room);
        const QrModules qr = qr_code_of(shown.join.address);
        shown.join.qr_size = qr.size;
        shown.join.qr_modules = qr.modules;
    }

    // Rebuilds the state voters see; sends it to every follower, each in its language, when it changed.
    void refresh_state() {
        std::shared_ptr<VoterStates> states;
        {
            std::lock_guard lock(shown_mutex);
            const Deck& deck = *shown.deck;
            const Slide* on_screen =
                shown.slide < deck.slides.size() && is_interactive(deck.slides[shown.slide].layout)
                    ? &deck.slides[shown.slide]
                    : nullptr;
            const auto school = on_screen ? shown.school.find(on_screen->id) : shown.school.end();
            std::optional<std::vector<int>> school_totals;
            if (school != shown.school.end())
                school_totals = school->second;
            std::optional<PollState> poll;
            std::string json = book.read([&](const std::map<std::string, PollState>& polls) {
                const auto found = on_screen ? polls.find(on_screen->id) : polls.end();
                if (found == polls.end())
                    return voter_state_json(deck, deck.info.languages.front(), shown.slide + 1, nullptr,
                                            nullptr);
                poll = found->second;
                return voter_state_json(deck, deck.info.languages.front(), shown.slide + 1, on_screen, &*poll,
                                        school_totals ? &*school_totals : nullptr);
            });
            if (json == shown.state_json && shown.states && shown.states->deck() == &deck)
                return;
            shown.state_json = json;
            states = std::make_shared<VoterStates>(shown.deck, shown.slide, std::move(poll),
                                                   std::move(school_totals), std::move(json));
            shown.states = states;
        }
        if (http)
            http->broadcast_each(StreamChannel::Voters, [states](const std::string& language) {
                return concat("event: state\ndata: ", states->json(language), "\n\n");
            });
    }

    // The language this device is answered in (voter_language.h), and the state in it. The language is
    // used for this answer only: never kept with the device, a vote or anything on disk.
    std::pair<std::string, std::string> state_for(const HttpRequest& request) {
        std::shared_ptr<VoterStates> states;
        std::string language;
        {
            std::lock_guard lock(shown_mutex);
            states = shown.states;
            language = voter_language(shown.deck->info, request.query_value("lang"),
                                      request.header("accept-language"));
        }
        std::string json = states->json(language);
        return {std::move(language), std::move(json)};
    }

    // On the server's thread, after a vote: at most ten refreshes and wakes a second.
    void results_changed() {
        if (wakes.resting) {
            wakes.pending = true;
            return;
        }
        refresh_state();
        if (wake)
            wake();
        wakes.resting = true;
        http->post(
            [this] {
                wakes.resting = false;
                if (std::exchange(wakes.pending, false))
                    results_changed();
            },
            wake_interval);
    }

    // --- checks every request passes, in order ---

    // 421, 403 or nothing: whether the request may be served at all.
    std::optional<HttpResponse> refused(const HttpRequest& request) const {
        if (!is_school_network(request.address))
            return error_response(403, "voting is open only to devices on the school network");
        if (!is_own_host(request.header("host"), own_hosts)) {
            HttpResponse response = error_response(
                421, "this address does not name the teacher's computer: use the address on the screen");
            response.close = true;
            return response;
        }
        // A page of another site may link to the voter page or the remote's (a top-level visit cannot vote
        // or command by itself: the cookies are SameSite=Strict), but may not call anything else.
        const bool page = request.path == "/" || RemoteRoutes::is_page(request.path);
        const bool visit = request.method == "GET" && page && request.header("sec-fetch-mode") == "navigate";
        if (!visit &&
            is_cross_site(request.header("origin"), request.header("sec-fetch-site"), request.header("host")))
            return error_response(403,
                                  "only this lesson's own pages (the voter page, the remote) can send this");
        return std::nullopt;
    }

    // 403 or 429 unless the room code is right. Wrong codes count against the address; a right one never
    // pays for them, but an address that has used up its guesses is told to wait whatever it sends.
    std::optional<HttpResponse> wrong_room(const HttpRequest& request) {
        const std::int64_t now = steady_now_ms();
        bool has_room = false;
        const std::string given = request.query_value("room", &has_room);
        // A device that has already joined with the right code is no guesser: behind one router, a class
        // keeps voting while a classmate's wrong guesses make the address wait.
        const std::optional<std::string> device = tokens.device_of(device_cookie_of(request));
        const bool joined = device && joined_devices.contains(*device);
        if (const std::int64_t wait = budgets.room_guesses.wait(request.address, now); wait > 0 && !joined)
            return too_soon(
                "too many wrong room codes from this device: wait, then check the code on the screen", wait);
        {
            std::lock_guard lock(shown_mutex);
            if (is_room_code(given, shown.room)) {
                if (device)
                    joined_devices.insert(*device);
                return std::nullopt;
            }
            // Devices still on the code the teacher replaced are no guessers (a class behind one router
            // would otherwise use up its address's tries at once).
            if (std::ranges::any_of(shown.old_rooms,
                                    [&](const std::string& old) { return is_room_code(given, old); }))
                return error_response(403,
                                      "the teacher changed the room code: type the new one from the screen");
        }
        budgets.room_guesses.take(request.address, now);
        return error_response(
            403, has_room ? "that room code is not this lesson's: check the code on the screen"
                          : "the address needs the room code: ?room= and the code on the screen");
    }

    // The device's id from its cookie; or a new token (set as a cookie on `response`) while the address
    // may still have new devices; or nothing.
    std::optional<std::string> device_of(const HttpRequest& request, HttpResponse& response) {
        if (auto device = tokens.device_of(device_cookie_of(request)))
            return device;
        return new_device(request, response);
    }

    std::optional<std::string> new_device(const HttpRequest& request, HttpResponse& response) {
        if (!is_this_machine(request.address) &&
            budgets.new_devices.take(request.address, steady_now_ms()) > 0)
            return std::nullopt;
        const std::string token = tokens.issue();
        set_session_cookie(response, device_cookie, token);
        return tokens.device_of(token);
    }

    // 0 when the request may go ahead, else milliseconds to wait. `device` "" for a request without one.
    std::int64_t limited(const std::string& device) {
        return device.empty() ? 0 : budgets.devices.take(device, steady_now_ms());
    }

    // --- the routes ---

    void handle(HttpRequest request, HttpReply reply) {
        // The server's thread runs from the moment it listens; what it reads is ready a moment later.
        if (!ready.load(std::memory_order_acquire)) {
            std::move(reply).send(error_response(503, "the lesson is starting: try again in a moment"));
            return;
        }
        if (auto refusal = refused(request)) {
            std::move(reply).send(std::move(*refusal));
            return;
        }
        // Every request counts against its address, whatever it asks for (the presenting machine's own
        // tools and benchmarks excepted).
        if (!is_this_machine(request.address)) {
            if (const std::int64_t wait = budgets.addresses.take(request.address, steady_now_ms());
                wait > 0) {
                std::move(reply).send(
                    too_soon("too many requests from this network address: wait a moment", wait));
                return;
            }
        }
        if (request.method != "GET" && request.method != "POST") {
            HttpResponse response = error_response(405, "this server answers GET and POST only");
            response.headers.emplace_back("Allow", "GET, POST");
            std::move(reply).send(std::move(response));
            return;
        }
        const std::string& path = request.path;
        const bool post = request.method == "POST";
        if (remote && RemoteRoutes::serves(path)) {
            if (post && !is_json_content_type(request.header("content-type"))) {
                std::move(reply).send(
                    error_response(415, "send commands as JSON (Content-Type: application/json)"));
                return;
            }
            std::size_t slide_count = 0;
            {
                std::lock_guard lock(shown_mutex);
                slide_count = shown.deck->slides.size();
            }
            remote->handle(request, std::move(reply), *http, slide_count);
            return;
        }
        if (!options.votes) {
            std::move(reply).send(error_response(
                404, "voting from devices is off in this lesson; the teacher's remote is at /remote"));
            return;
        }
        if (path == "/" && request.method == "GET") {
            std::move(reply).send(voter_page(request));
            return;
        }
        if (path == "/favicon.ico") {
            std::move(reply).send(json_response(204, {}));
            return;
        }
        const bool post_only = path == "/api/vote" || path == "/api/device";
        const bool get_only = path == "/api/state" || path == "/api/events";
        if (auto refusal = route_refusal(request, post_only, get_only,
                                         "there is nothing at this address; the voter page is at /")) {
            std::move(reply).send(std::move(*refusal));
            return;
        }
        if (post && !is_json_content_type(request.header("content-type"))) {
            std::move(reply).send(
                error_response(415, "send answers as JSON (Content-Type: application/json)"));
            return;
        }
        if (auto refusal = wrong_room(request)) {
            std::move(reply).send(std::move(*refusal));
            return;
        }
        if (path == "/api/state")
            std::move(reply).send(state(request));
        else if (path == "/api/events")
            follow(request, std::move(reply));
        else if (path == "/api/device")
            std::move(reply).send(fresh_device(request));
        else
            take_vote(request, std::move(reply));
    }

    HttpResponse voter_page(const HttpRequest& request) {
        HttpResponse response;
        response.content_type = "text/html; charset=utf-8";
        response.body = std::string(lectern::voter_page());
        static const std::string policy = page_policy(lectern::voter_page(), "data:");
        response.headers.emplace_back("Content-Security-Policy", policy);
        if (!tokens.device_of(device_cookie_of(request)))
            new_device(request, response); // none left for this address: the first vote asks again
        return response;
    }

    HttpResponse state(const HttpRequest& request) {
        HttpResponse response;
        response.body = state_for(request).second;
        if (!tokens.device_of(device_cookie_of(request)))
            new_device(request, response);
        return response;
    }

    void follow(const HttpRequest& request, HttpReply reply) {
        auto [language, json] = state_for(request);
        std::move(reply).stream(StreamChannel::Voters, {{"X-Accel-Buffering", "no"}},
                                concat("retry: 2000\n\nevent: state\ndata: ", json, "\n\n"),
                                std::move(language));
    }

    // Shared tablets (?shared=1): a fresh device token after each vote, so the next pupil counts anew.
    HttpResponse fresh_device(const HttpRequest& request) {
        const std::optional<std::string> device = tokens.device_of(device_cookie_of(request));
        if (const std::int64_t wait = limited(device.value_or(std::string())); wait > 0)
            return too_soon("too many requests at once: wait a moment", wait);
        HttpResponse response = json_response(200, "{\"ok\":true}");
        if (!new_device(request, response))
            return too_soon("too many new devices from this address: wait a minute", 60000);
        return response;
    }

    void take_vote(const HttpRequest& request, HttpReply reply) {
        HttpResponse response;
        const std::optional<std::string> device = device_of(request, response);
        if (!device) {
            std::move(reply).send(too_soon("too many new devices from this address: wait a minute", 60000));
            return;
        }
        if (const std::int64_t wait = limited(*device); wait > 0) {
            std::move(reply).send(
                too_soon("too many answers at once: your last one is sent again in a moment", wait));
            return;
        }
        const Expected<VoteRequest> parsed = parse_vote_request(request.body);
        if (!parsed) {
            std::move(reply).send(error_response(400, parsed.error()));
            return;
        }
        const VoteRequest& vote = *parsed;
        // A written answer as the teacher, the filter and the log see it: control and format characters
        // gone, blank ones refused.
        std::optional<std::string> text;
        std::size_t max_chars = 0; // not a words poll: the book says why the text does not fit
        if (vote.text) {
            {
                std::lock_guard lock(shown_mutex);
                if (const auto found = shown.max_chars.find(vote.poll); found != shown.max_chars.end())
                    max_chars = static_cast<std::size_t>(found->second);
            }
            // Screening costs time in proportion to the text: never for more than the question takes.
            if (code_point_count(*vote.text) > std::max<std::size_t>(max_chars, 1) * 2) {
                std::move(reply).send(error_response(
                    400, max_chars ? concat("answers are at most ", max_chars, " characters")
                                   : std::string("this question takes a choice, not a written answer")));
                return;
            }
            CleanedAnswer cleaned = clean_written_answer(*vote.text);
            if (!cleaned.ok()) {
                std::move(reply).send(error_response(400, cleaned.refusal));
                return;
            }
            text = std::move(cleaned.text);
        }
        saving.enter();
        // BookDone is copied; the reply is not, so it travels in a shared box.
        auto box = std::make_shared<HttpReply>(std::move(reply));
        BookDone done = [this, box, cookies = std::move(response.headers)](BookEntry entry) mutable {
            HttpResponse answer = answer_for(entry);
            for (auto& header : cookies)
                answer.headers.push_back(std::move(header));
            std::move(*box).send(std::move(answer));
            if (entry.outcome == VoteOutcome::Counted || entry.outcome == VoteOutcome::Changed)
                if (!wakes.posted.exchange(true))
                    http->post([this] {
                        wakes.posted = false;
                        results_changed();
                    });
            saving.leave();
        };
        if (text) {
            book.answer({vote.poll, *device, *text, max_chars, held_because(*text, options.word_filter),
                         unix_seconds(), options.answer_limits},
                        std::move(done));
        } else {
            book.vote(vote.poll, *device, *vote.choices, std::move(done));
        }
    }

    static HttpResponse answer_for(const BookEntry& entry) {
        switch (entry.outcome) {
        case VoteOutcome::Counted:
        case VoteOutcome::Changed:
            if (!entry.saved)
                return error_response(503,
                                      "your answer could not be saved on the teacher's computer: try again");
            return json_response(200, concat("{\"ok\":true,\"changed\":",
                                             entry.outcome == VoteOutcome::Changed ? "true" : "false", '}'));
        case VoteOutcome::NotOpen:
            return error_response(409, entry.message);
        case VoteOutcome::TooMany:
            return error_response(429, entry.message); // no retry_after_ms: sending again will not help
        case VoteOutcome::Invalid:
            break;
        }
        return error_response(entry.cannot_keep ? 503 : 400, entry.message);
    }
};

VoteServer::VoteServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {
}

Expected<std::unique_ptr<VoteServer>> VoteServer::start(const VoteServerOptions& options, PollBook& book,
                                                        std::shared_ptr<const Deck> deck,
                                                        std::function<void()> wake) {
    raise_open_file_limit();
    auto impl = std::make_unique<Impl>(options, book, std::move(wake));
    Impl& s = *impl;
    s.set_deck_locked(std::move(deck));
    if (options.remote)
        s.remote = std::make_unique<RemoteRoutes>(
            options.remote_pin.empty() ? random_remote_pin() : options.remote_pin, options.remote_hooks);
    // Nothing a voter's browser keeps or passes on: no caching, no referrer, no content sniffing.
    HttpHeaders every_answer = {{"Cache-Control", "no-store"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Content-Type-Options", "nosniff"}};
    Expected<std::unique_ptr<HttpServer>> http = HttpServer::start(
        options.bind, options.port, options.http, std::move(every_answer),
        [&s](HttpRequest request, HttpReply reply) { s.handle(std::move(request), std::move(reply)); });
    if (!http)
        return Failure{concat("cannot listen on ", options.bind, " port ", options.port, " (", http.error(),
                              "; is another lectern running? choose another with --port, or turn voting off "
                              "with --no-vote)")};
    s.http = std::move(*http);
    s.own_hosts.port = s.http->port();
    s.own_hosts.names = machine_addresses();
    s.own_hosts.names.emplace_back("localhost");
    if (!options.host_name.empty())
        s.own_hosts.names.push_back(options.host_name);
    {
        std::lock_guard lock(s.shown_mutex);
        s.set_room_locked(options.room_code.empty() ? random_room_code() : options.room_code,
                          lan_address(options.bind));
    }
    if (s.remote)
        s.remote_address = concat("http://", lan_address(options.bind), ':', s.http->port(), "/remote");
    s.refresh_state();
    s.ready.store(true, std::memory_order_release);
    return std::unique_ptr<VoteServer>(new VoteServer(std::move(impl)));
}

VoteServer::~VoteServer() {
    Impl& s = *m_impl;
    s.saving.wait_until_none(); // each vote on disk is answered first
    if (s.remote)
        s.remote->wait_for_replies(); // and each command and picture the presentation was handed
    s.http->stop();                   // before it goes: its last handlers still use it
}

void VoteServer::set_deck(std::shared_ptr<const Deck> deck) {
    {
        std::lock_guard lock(m_impl->shown_mutex);
        m_impl->set_deck_locked(std::move(deck));
    }
    m_impl->refresh_state();
}

void VoteServer::show(std::size_t slide) {
    {
        std::lock_guard lock(m_impl->shown_mutex);
        m_impl->shown.slide = slide;
    }
    m_impl->refresh_state();
}

void VoteServer::polls_changed() {
    m_impl->refresh_state();
}

void VoteServer::set_school_totals(std::map<std::string, std::vector<int>> totals) {
    {
        std::lock_guard lock(m_impl->shown_mutex);
        m_impl->shown.school = std::move(totals);
    }
    m_impl->refresh_state();
}

std::string VoteServer::rotate_room() {
    std::string code;
    {
        std::lock_guard lock(m_impl->shown_mutex);
        do
            code = random_room_code();
        while (code == m_impl->shown.room);
        m_impl->shown.old_rooms.push_back(m_impl->shown.room);
        m_impl->set_room_locked(code, lan_address(m_impl->options.bind));
    }
    m_impl->http->close_streams(StreamChannel::Voters); // followers of the old room must join again
    // Knowing the old code proves nothing now: joined devices wait for the new one like everyone else.
    m_impl->http->post([impl = m_impl.get()] { impl->joined_devices.clear(); });
    return code;
}

void VoteServer::set_remote_state(const RemoteState& state) {
    if (m_impl->remote)
        m_impl->remote->set_state(state, *m_impl->http);
}

std::string VoteServer::remote_pin() const {
    return m_impl->remote ? m_impl->remote->pin() : std::string();
}

std::string VoteServer::remote_address() const {
    return m_impl->remote_address;
}

std::vector<SignedInRemote> VoteServer::remotes() const {
    return m_impl->remote ? m_impl->remote->remotes() : std::vector<SignedInRemote>();
}

bool VoteServer::remote_locked() const {
    return m_impl->remote && m_impl->remote->locked();
}

void VoteServer::sign_out_remote(int number) {
    if (m_impl->remote)
        m_impl->remote->sign_out(number, *m_impl->http);
}

std::string VoteServer::new_remote_pin() {
    return m_impl->remote ? m_impl->remote->new_pin(*m_impl->http) : std::string();
}

void VoteServer::unlock_remote() {
    if (m_impl->remote)
        m_impl->remote->unlock();
}

JoinDetails VoteServer::join() const {
    std::lock_guard lock(m_impl->shown_mutex);
    return m_impl->shown.join;
}

int VoteServer::port() const {
    return m_impl->http->port();
}

HttpCounts VoteServer::connections() const {
    return m_impl->http->counts();
}

} // namespace lectern
