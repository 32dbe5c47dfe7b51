// Helpers for the voting server's tests: a server on a free loopback port over a fresh results store,
// device tokens it issued, raw connections from chosen loopback source addresses (127.0.x.y stand for
// many devices), and the live heap of this process (what the server holds, whatever the allocator keeps).
#pragma once

#include "../app/store_fixture.h"
#include "net/vote_server.h"
#include "polls/poll_book.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace lectern::test {

constexpr std::size_t poll_slide = 8;   // multiple choice, 4 options
constexpr std::size_t quiz_slide = 9;   // one choice of 3
constexpr std::size_t scale_slide = 10; // 7 steps
constexpr std::size_t words_slide = 11; // written answers

// Options for a server on a free port of 127.0.0.1 with the room code K7QP.
VoteServerOptions on_loopback(VoteServerOptions options = {});

// A server over `book` (the every-layout deck) with the quiz on screen and open.
std::unique_ptr<VoteServer> start_on_quiz(PollBook& book, const VoteServerOptions& options);

// A server on a free loopback port over a fresh results store, with the quiz on screen and open.
struct Voting {
    TempDataHome home;
    std::unique_ptr<PollBook> book;
    std::unique_ptr<VoteServer> server;
    std::atomic<int> wakes = 0;
    std::map<int, std::string> tokens; // device number -> a token the server issued

    explicit Voting(VoteServerOptions options = {});
    void show(std::size_t slide);
    std::string id(std::size_t slide) const;
    httplib::Client client() const;
    int port() const { return server->port(); }
    // A token the server issued, the same one for the same device number.
    const std::string& token(int device);
};

// Posts a vote as the device with `token` ("" = no cookie yet), as the voter page does.
httplib::Result vote(httplib::Client& c, const std::string& body, const std::string& token = "",
                     const std::string& room = "K7QP");
std::string quiz_vote(int choice);
std::string words_answer(const std::string& poll, const std::string& text);

// A socket connected to 127.0.0.1:`port` from `source`; closed when it goes.
class Connection {
public:
    Connection(const char* source, int port);
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&&) = delete;
    ~Connection();
    bool connected() const { return m_fd >= 0; }
    bool send(const std::string& text);
    // Everything until the server closes, or `ms` pass.
    std::string receive(int ms);
    // Whether the server closes the connection (or resets it) within `ms`, after any answer it gave.
    bool closed_within(int ms);

private:
    int m_fd = -1;
};

struct RawAnswer {
    int status = 0; // 0: no answer
    std::string head;
    std::string body;
    std::string header(const std::string& name) const; // "" when absent; name as sent
};

RawAnswer parse_answer(const std::string& text);
// One whole request from `source` (with Connection: close), and its answer.
RawAnswer request_from(const char* source, int port, const std::string& request, int ms = 3000);
// A request's text: method and target, extra header lines ("Name: value\r\n"...), and a JSON body.
std::string http_text(const std::string& method, const std::string& target, int port,
                      const std::string& extra_headers = "", const std::string& body = "");

// Bytes the process holds in live heap allocations made through operator new (counted by this test
// program's own operator new and delete).
long long live_heap_bytes();
// Threads of this process now.
int thread_count();

} // namespace lectern::test
