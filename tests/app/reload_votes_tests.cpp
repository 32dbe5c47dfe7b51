// Votes survive reloads: many devices vote through the PollBook from many threads while the deck is
// reloaded hundreds of times; every acknowledged vote is then in memory, on disk and in `lectern results`,
// exactly. (Before the PollBook carried answers over under its own lock, a vote applied between reading
// the polls and swapping them in was on disk but dropped from the totals written at quit.)
#include "lectern_run.h"
#include "polls/poll_book.h"
#include "store_fixture.h"

#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>

using namespace lectern;
using namespace lectern::test;

TEST_CASE(
    "votes from many threads during hundreds of reloads are all kept, in memory, on disk and in results") {
    TempDataHome home;
    const Deck& deck = every_layout();
    const std::string quiz = poll_id(9); // three choices
    constexpr int devices = 240;
    constexpr int votes_each = 4;
    std::map<std::string, int> acknowledged; // device -> its last acknowledged choice
    std::mutex acknowledged_mutex;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        PollBook book(polls_for(deck), std::move(opening->store), "");
        book.apply(PollRecord::opened(quiz));
        std::atomic<bool> voting = true;
        std::atomic<int> reloads = 0;
        std::thread reloader([&] {
            while (voting || reloads < 300) {
                std::map<std::string, PollState> fresh = polls_for(deck);
                fresh.at(quiz).open = true; // the reloaded deck's quiz is on screen, open
                book.reload_polls(std::move(fresh));
                ++reloads;
            }
        });
        std::vector<std::thread> voters;
        for (int t = 0; t < 8; ++t) {
            voters.emplace_back([&, t] {
                for (int round = 0; round < votes_each; ++round) {
                    for (int d = t; d < devices; d += 8) {
                        const std::string device = "device-" + std::to_string(d);
                        const int choice = (d + round) % 3 + 1;
                        if (book.vote(quiz, device, {choice}).saved) {
                            std::lock_guard lock(acknowledged_mutex);
                            acknowledged[device] = choice;
                        }
                    }
                }
            });
        }
        for (std::thread& voter : voters)
            voter.join();
        voting = false;
        reloader.join();
        CHECK(reloads >= 300);
        REQUIRE(acknowledged.size() == devices);
        std::vector<int> expected(3, 0);
        for (const auto& [device, choice] : acknowledged)
            ++expected[static_cast<std::size_t>(choice - 1)];
        // In memory...
        CHECK(total_counts(*book.copy_of(quiz)) == expected);
        // ...in the log on disk...
        const Expected<std::optional<StoredResults>> stored = read_latest_results(every_layout_path(), deck);
        REQUIRE(stored);
        REQUIRE(*stored);
        CHECK(total_counts((*stored)->polls.at(quiz)) == expected);
        // ...and in the totals written at quit, as `lectern results` prints them.
        REQUIRE(book.end_session());
        const LecternRun results = run_lectern("results valid/every-layout.toml --csv");
        CHECK(results.exit_code == 0);
        std::vector<int> printed;
        std::istringstream lines(results.out);
        for (std::string line; std::getline(lines, line);) {
            if (line.starts_with(quiz + ","))
                printed.push_back(std::stoi(line.substr(line.rfind(',') + 1)));
        }
        CHECK(printed == expected);
    }
}
