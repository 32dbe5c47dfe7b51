// VoteServer: the voting server of vote-api.md, inside the presenting process. It serves the voter page,
// takes votes (counted and saved through the PollBook before they are acknowledged) and streams the
// presentation's state to voters over Server-Sent Events. Its threads never touch SDL: it tells the
// presentation that results changed through `wake`, at most a few times a second.
//
// Robustness: only loopback and private addresses (403 otherwise); bodies over 4 KiB get 413; each
// device and each address is rate limited (429 with Retry-After; the voter page then sends its latest
// choice again, so a pupil's last vote still counts); a request must arrive whole within a deadline,
// so slow or half-open connections are cut off (deadline_stream.h), and one address may have only so
// many requests in progress (connection_guard.h); requests are served by a capped
// pool of small-stack threads, with event streams parked outside the cap so votes always find a thread
// (worker_pool.h).
#pragma once

#include "app/poll_book.h"
#include "core/answer_screen.h"
#include "core/deck.h"
#include "core/rate_limit.h"
#include "core/slide_composer.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace lectern {

struct VoteServerOptions {
    std::string bind = "0.0.0.0";             // --bind
    int port = 8750;                          // --port; 0 picks a free port (tests)
    std::size_t max_working_threads = 48;     // threads answering requests; more requests wait their turn
    std::size_t max_event_streams = 800;      // devices following the lesson (each holds a parked thread)
    std::size_t connections_per_address = 32; // open at once (a router shares one address)
    std::chrono::milliseconds request_deadline{10000}; // to send a whole request; streams exempt
    RateRule device_rule{4, 12};      // per device token: a burst of 12 taps, then 4 a second
    RateRule address_rule{400, 1200}; // per address (a class behind one router shares it); not loopback
    WordFilter word_filter;
    std::string room_code; // "" = a fresh random one
};

class VoteServer {
public:
    // Starts listening. Null, with `error` saying why, when it cannot (the port is in use, ...).
    static std::unique_ptr<VoteServer> start(const VoteServerOptions& options, PollBook& book,
                                             const Deck& deck, std::function<void()> wake,
                                             std::string& error);
    VoteServer(const VoteServer&) = delete;
    VoteServer& operator=(const VoteServer&) = delete;
    ~VoteServer(); // stops listening and closes every connection

    // From the presentation's thread: a reloaded deck, the slide now on screen (0-based), and a change
    // the teacher made to a poll (opened, closed, revealed, hand counts...).
    void set_deck(const Deck& deck);
    void show(std::size_t slide);
    void polls_changed();

    // A new room code (the old one stops working at once); returns it.
    std::string rotate_room();

    // The address, room code and QR code for the join slide and strip.
    JoinDetails join() const;
    int port() const;

    struct Impl;

private:
    explicit VoteServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// A random device token or room seed, from the system's random source.
std::string random_token();

} // namespace lectern
