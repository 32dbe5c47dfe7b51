// VoteServer: the voting server of docs/vote-api.md, inside the presenting process, on the event-driven
// HttpServer (one thread for every connection and event stream). It serves the voter page, takes votes
// (counted and saved through the PollBook, and acknowledged only once they are on disk) and streams the
// presentation's state to voters over Server-Sent Events. It never touches SDL: it tells the
// presentation that results changed through `wake`, at most ten times a second.
//
// What a pupil with a laptop cannot do (each has a test in tests/net/):
//   - tie the server up: connections, streams and deadlines are budgeted per address (http_server.h);
//   - guess the room code: wrong codes count per address (10 free, then one every 10 s: 429);
//   - vote through other pupils' browsers from another web page: Host, Origin, Sec-Fetch-Site and
//     Content-Type are checked (core/voting/request_policy.h);
//   - invent devices: tokens are the server's own (device_tokens.h), and new ones are limited per address;
//   - flood the teacher with written answers: a few per device per question, a few hundred waiting.
// Only loopback and private addresses are served (403 otherwise); bodies over 4 KiB get 413.
#pragma once

#include "core/compose/slide_composer.h"
#include "core/deck/deck.h"
#include "core/polls/answer_screen.h"
#include "core/voting/rate_limit.h"
#include "device_tokens.h"
#include "http_server.h"
#include "polls/poll_book.h"
#include "remote_routes.h"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

struct VoteServerOptions {
    std::string bind = "0.0.0.0";         // --bind
    int port = 8750;                      // --port; 0 picks a free port (tests)
    std::string host_name;                // --host-name: a name devices may use for this computer
    HttpLimits http;                      // connections, event streams and deadlines, per address and in all
    RateRule device_rule{4, 12};          // per device token: a burst of 12 taps, then 4 a second
    RateRule address_rule{400, 1200};     // per address (a class behind one router shares it); not loopback
    RateRule room_guess_rule{0.1, 10};    // wrong room codes per address: 10 free, then one every 10 s
    std::size_t devices_per_address = 60; // new device tokens per address a minute (--devices-per-address)
    AnswerLimits answer_limits;           // written answers per device per question, and waiting
    WordFilter word_filter;
    std::string room_code;               // "" = a fresh random one
    std::optional<DeviceKey> device_key; // the session's key (kept with its results); random when absent
    bool votes = true;                   // devices vote; false when the server runs for the remote only
    bool remote = true;                  // the teacher's remote at /remote (--no-remote, --remote)
    std::string remote_pin;              // --remote-pin; "" = a fresh random one
    RemoteHooks remote_hooks;            // how the remote's commands and pictures reach the presentation
};

class VoteServer {
public:
    // Starts listening; a Failure says why when it cannot (the port is in use, ...), and what the teacher
    // can do. The deck is shared, not copied: a loaded deck never changes (a reload makes a new one), so
    // the server's thread may read it while the presentation shows it. Never null.
    static Expected<std::unique_ptr<VoteServer>> start(const VoteServerOptions& options, PollBook& book,
                                                       std::shared_ptr<const Deck> deck,
                                                       std::function<void()> wake);
    VoteServer(const VoteServer&) = delete;
    VoteServer& operator=(const VoteServer&) = delete;
    ~VoteServer(); // waits for votes being saved, then closes every connection

    // From the presentation's thread: a reloaded deck, the slide now on screen (0-based), and a change
    // the teacher made to a poll (opened, closed, revealed, hand counts...).
    void set_deck(std::shared_ptr<const Deck> deck);
    void show(std::size_t slide);
    void polls_changed();
    // In a school's show: every room's counts added up, by poll id, shown to voters once revealed.
    void set_school_totals(std::map<std::string, std::vector<int>> totals);

    // A new room code (the old one stops working at once, and its event streams end); returns it.
    std::string rotate_room();

    // The teacher's remote (when options.remote): the state it is told after every change, and the
    // panel's view and controls of it. remote_pin() is "" when the remote is off.
    void set_remote_state(const RemoteState& state);
    std::string remote_pin() const;
    std::string remote_address() const; // "http://HOST:PORT/remote"
    std::vector<SignedInRemote> remotes() const;
    bool remote_locked() const;
    void sign_out_remote(int number);
    std::string new_remote_pin();
    void unlock_remote();

    // The address, room code and QR code for the join slide and strip.
    JoinDetails join() const;
    int port() const;
    HttpCounts connections() const;

    struct Impl;

private:
    explicit VoteServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lectern
