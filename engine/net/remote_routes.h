// RemoteRoutes: the teacher's phone remote on the voting server (docs/vote-api.md, "The teacher's
// remote"): the page at /remote, sign-in with the session's PIN, commands, the state and its event
// stream, and pictures of the slides. The voting server hands it requests that passed its own checks
// (school network, Host, no other site, the budget per address, GET or POST, JSON bodies); the PIN is
// this part's check, and every route but the page and sign-in needs the lectern_remote cookie.
//
// The presentation acts on commands and draws the pictures through RemoteHooks, on its own thread; it
// tells this part the state after every change (set_state), which goes to every signed-in remote. Never
// shows pupils' written answers or the panel's problems.
#pragma once

#include "core/base/expected.h"
#include "core/remote/remote_access.h"
#include "core/remote/remote_command.h"
#include "core/remote/remote_state.h"
#include "http_server.h"
#include "in_flight.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// The presentation calls (or drops) every `applied` and `done` it was handed before it destroys the
// voting server: ~VoteServer waits for them, as it waits for votes being saved.
struct RemoteHooks {
    // Called on the server's thread: hand the command to the presentation, which acts on it as on a
    // key, tells set_state() what changed, then calls `applied` (from any thread).
    std::function<void(RemoteCommand command, std::function<void()> applied)> command;
    // Called on the server's thread: the slide on screen (or the next one) as the room sees it, as a PNG
    // `width` pixels wide, handed to `done` from any thread; a Failure when there is none.
    std::function<void(bool next, int width, std::function<void(Expected<std::string> png)> done)> slide_png;
};

inline constexpr int remote_picture_max_width = 1280;

class RemoteRoutes {
public:
    RemoteRoutes(std::string pin, RemoteHooks hooks);

    static bool serves(std::string_view path);  // the page and "/api/remote/..."
    static bool is_page(std::string_view path); // "/remote" (and "/remote/")
    // On the server's thread, for a request that passed the voting server's checks.
    void handle(const HttpRequest& request, HttpReply reply, HttpServer& http, std::size_t slide_count);
    // Until every command and picture handed to the presentation has been answered (or dropped).
    void wait_for_replies();

    // From the presentation's thread: the state after a change; sent to every signed-in remote.
    void set_state(const RemoteState& state, HttpServer& http);

    // The presenter panel's view and controls. A remote signed out (or every one, with a new PIN) has
    // its event stream closed at once.
    std::string pin() const;
    std::vector<SignedInRemote> remotes() const;
    bool locked() const;
    void sign_out(int number, HttpServer& http);
    std::string new_pin(HttpServer& http);
    void unlock();

private:
    bool signed_in(const HttpRequest& request) const;
    HttpResponse login(const HttpRequest& request, HttpServer& http);
    // The reply kept while the presentation works on it, counted until it goes.
    std::shared_ptr<HttpReply> hold(HttpReply reply);
    void command(const HttpRequest& request, HttpReply reply, std::size_t slide_count);
    void slide_png(const HttpRequest& request, HttpReply reply);

    RemoteHooks m_hooks;
    mutable std::mutex m_mutex; // guards what follows: the panel, the presentation and the server share it
    RemoteAccess m_access;
    std::string m_state_json;
    InFlight m_replies; // held by the presentation
};

// A fresh six-digit PIN from the system's random source.
std::string random_remote_pin();

} // namespace lectern
