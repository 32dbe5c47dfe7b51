// Kill -9 in the middle of voting: every vote acknowledged before the kill must be restored.
#include "store_fixture.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace lectern;
using namespace lectern::test;

namespace {

// Starts vote_writer with its standard output on a pipe; returns its pid and the reading end.
pid_t start_vote_writer(const std::string& poll, int choices, int count, FILE*& acks) {
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const std::string deck = every_layout_path().string();
    const std::string choices_text = std::to_string(choices);
    const std::string count_text = std::to_string(count);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        execl(LECTERN_VOTE_WRITER, "vote_writer", deck.c_str(), poll.c_str(), choices_text.c_str(),
              count_text.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_ends[1]);
    acks = fdopen(pipe_ends[0], "r");
    REQUIRE(acks != nullptr);
    return pid;
}

// The number in an "ack N" line, or 0.
int ack_number(const char* line) {
    int number = 0;
    return std::sscanf(line, "ack %d", &number) == 1 ? number : 0;
}

} // namespace

TEST_CASE("every vote acknowledged before a kill -9 is restored when the deck is opened again") {
    TempDataHome home;
    const std::string quiz = poll_id(9);
    FILE* acks = nullptr;
    const pid_t writer = start_vote_writer(quiz, 3, 1000000, acks);
    int acknowledged = 0;
    char line[64];
    while (std::fgets(line, sizeof line, acks) != nullptr) {
        acknowledged = std::max(acknowledged, ack_number(line));
        if (acknowledged == 40) {
            kill(writer, SIGKILL); // mid-run: it is writing the next vote
            break;
        }
    }
    while (std::fgets(line, sizeof line, acks) != nullptr) // acknowledgements sent before it died
        acknowledged = std::max(acknowledged, ack_number(line));
    std::fclose(acks);
    int status = 0;
    REQUIRE(waitpid(writer, &status, 0) == writer);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    REQUIRE(acknowledged >= 40);

    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    CHECK(opening->restored);
    const PollState& restored = opening->polls.at(quiz);
    CHECK(restored.open);
    for (int i = 1; i <= acknowledged; ++i) {
        const auto vote = restored.device_votes.find("device-" + std::to_string(i));
        CAPTURE(i);
        REQUIRE(vote != restored.device_votes.end());
        CHECK(vote->second == std::vector<int>{1 + i % 3});
    }
    // At most one more: a vote on disk whose "ack" the kill cut off, never acknowledged.
    CHECK(restored.device_votes.size() <= static_cast<std::size_t>(acknowledged) + 1);
    CHECK(opening->skipped_lines <= 1);
}
