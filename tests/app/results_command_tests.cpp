// `lectern results`: runs the real binary on results prepared with the store, in a temporary
// XDG_DATA_HOME (inherited by the binary), as tests/cli/check_command_tests.cpp runs `check`.
#include "lectern_run.h"
#include "store_fixture.h"

using namespace lectern;
using namespace lectern::test;

namespace {

// A lesson: a quiz answered by devices and hands, a words slide with an approved and a flagged answer.
void record_lesson(ResultsStore& store, std::map<std::string, PollState>& polls) {
    const auto change = [&](const PollRecord& record) {
        REQUIRE(store.record(record));
        apply(polls, record);
    };
    change(PollRecord::opened(poll_id(9)));
    change(PollRecord::vote(poll_id(9), "token-a", {2}));
    change(PollRecord::vote(poll_id(9), "token-b", {2}));
    change(PollRecord::vote(poll_id(9), "token-c", {1}));
    change(PollRecord::hand_count(poll_id(9), 1, 10));
    change(PollRecord::answer(poll_id(11), "Safe, \"mostly\"", "", lesson_time_s + 60));
    change(PollRecord::answer_status(poll_id(11), 1, AnswerStatus::Approved));
    change(PollRecord::answer(poll_id(11), "something to follow up", "", lesson_time_s + 125));
    change(PollRecord::answer_flag(poll_id(11), 2));
}

void finished_lesson() {
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    record_lesson(opening->store, opening->polls);
    REQUIRE(opening->store.end_session(opening->polls));
}

const std::string quiz_question = "Someone you met in a game asks for your phone number. What do you do?";

} // namespace

TEST_CASE("results prints the last finished session's totals, per poll and option") {
    TempDataHome home;
    finished_lesson();
    const LecternRun run = run_lectern("results valid/every-layout.toml");
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out ==
          "Results of valid/every-layout.toml, session started 2024-05-01 10:32:05\n"
          "\n" +
              poll_id(8) +
              ": Which apps have you heard of?\n"
              "  QQ: 0\n  QZone: 0\n  Both: 0\n  Neither: 0\n"
              "\n" +
              poll_id(9) + ": " + quiz_question +
              "\n"
              "  Send it: 1\n  Say no and tell a trusted adult: 12\n  Send a friend's number instead: 0\n"
              "\n" +
              poll_id(10) +
              ": How safe do you feel online?\n"
              "  1 (Not at all): 0\n  2: 0\n  3: 0\n  4: 0\n  5: 0\n  6: 0\n  7 (Very safe): 0\n"
              "\n" +
              poll_id(11) +
              ": One word for how the internet makes you feel\n"
              "  Safe, \"mostly\": 1\n"
              "\n"
              "Flagged for the safeguarding lead:\n  " +
              poll_id(11) + ", 2024-05-01 10:34:10 +0000: \"something to follow up\"\n");
    CHECK(run.out.find("token-") == std::string::npos);
}

TEST_CASE("results --csv writes one row per option per poll, quoted as RFC 4180 says") {
    TempDataHome home;
    finished_lesson();
    const LecternRun run = run_lectern("results valid/every-layout.toml --csv");
    CHECK(run.exit_code == 0);
    const std::vector<std::string> lines = lines_of(run.out);
    REQUIRE(lines.size() == 1 + 4 + 3 + 7 + 1);
    CHECK(lines[0] == "poll,question,option,count");
    CHECK(lines[1] == poll_id(8) + ",Which apps have you heard of?,QQ,0");
    CHECK(lines[6] == poll_id(9) + "," + quiz_question + ",Say no and tell a trusted adult,12");
    CHECK(lines[9] == poll_id(10) + ",How safe do you feel online?,2,0");
    CHECK(lines[15] ==
          poll_id(11) +
              ",One word for how the internet makes you feel,\"Safe, \"\"mostly\"\"\",1"); // no flagged text
}

TEST_CASE("results prints control characters of answers as escapes and --csv keeps formulas as text") {
    // ESC and BEL in an approved answer were printed raw; "=...", "+", "-" and "@" cells opened as formulas.
    TempDataHome home;
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    const std::vector<std::string> answers = {"ring\a \x1b[2Jbell", "=1+2", "+44", "-1", "@SUM(A1)", "'tis"};
    REQUIRE(opening->store.record(PollRecord::opened(poll_id(11))));
    apply(opening->polls, PollRecord::opened(poll_id(11)));
    for (std::size_t i = 0; i < answers.size(); ++i) {
        for (const PollRecord& record :
             {PollRecord::answer(poll_id(11), answers[i], "", lesson_time_s),
              PollRecord::answer_status(poll_id(11), i + 1, AnswerStatus::Approved)}) {
            REQUIRE(opening->store.record(record));
            apply(opening->polls, record);
        }
    }
    // Answers are cleaned of control characters as they arrive now; one kept by an earlier version, or a
    // totals file edited by hand, may still hold them.
    opening->polls.at(poll_id(11))
        .answers.push_back(
            {answers.size() + 1, "old\a \x1b]0;title\x07", AnswerStatus::Approved, "", false, {}});
    REQUIRE(opening->store.end_session(opening->polls));

    const LecternRun run = run_lectern("results valid/every-layout.toml");
    CHECK(run.exit_code == 0);
    CHECK(run.out.find_first_of("\a\x1b") == std::string::npos);
    CHECK(run.out.find("  ring [2Jbell: 1\n") != std::string::npos);                // cleaned as it arrived
    CHECK(run.out.find("  old\\x07 \\x1B]0;title\\x07: 1\n") != std::string::npos); // escaped when printed
    CHECK(run.out.find("  =1+2: 1\n") != std::string::npos); // the totals file read back as written
    CHECK(run.out.find("  'tis: 1\n") != std::string::npos);

    const LecternRun csv = run_lectern("results valid/every-layout.toml --csv");
    const std::string question = poll_id(11) + ",One word for how the internet makes you feel,";
    for (const char* cell : {"'=1+2", "'+44", "'-1", "'@SUM(A1)", "''tis", "old\\x07 \\x1B]0;title\\x07"}) {
        CAPTURE(cell);
        CHECK(csv.out.find(question + cell + ",1\n") != std::string::npos);
    }
}

TEST_CASE("results shows a running or killed session, and --delete waits until the show is over") {
    TempDataHome home;
    finished_lesson();
    Expected<StoreOpening> opening = open_store(0, lesson_time_s + 86400);
    REQUIRE(opening);
    REQUIRE(opening->store.record(PollRecord::vote(poll_id(9), "token-z", {3})));

    const LecternRun running = run_lectern("results valid/every-layout.toml --csv");
    CHECK(running.exit_code == 0);
    CHECK(lines_of(running.out).at(7) ==
          poll_id(9) + "," + quiz_question + ",Send a friend's number instead,1");
    const LecternRun text = run_lectern("results valid/every-layout.toml");
    CHECK(text.out.starts_with("Results of valid/every-layout.toml, session started 2024-05-02 10:32:05 (not "
                               "finished: the show is running, or it stopped without a normal quit)\n"));

    const LecternRun refused = run_lectern("results valid/every-layout.toml --delete");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("this deck is being presented right now; quit the show first") !=
          std::string::npos);

    {
        [[maybe_unused]] const ResultsStore stopped = std::move(opening->store);
    } // the show stops (killed: no end_session)
    const LecternRun killed = run_lectern("results valid/every-layout.toml");
    CHECK(killed.exit_code == 0);
    CHECK(killed.out.find("(not finished") != std::string::npos);

    const std::filesystem::path folder = results_folder_of(every_layout_path());
    const LecternRun removed = run_lectern("results valid/every-layout.toml --delete");
    CHECK(removed.exit_code == 0);
    CHECK(removed.out == "removed " + (folder / "session-20240501-103205.totals.csv").string() +
                             "\n"
                             "removed " +
                             (folder / "session-20240502-103205.log").string() +
                             "\n"
                             "removed " +
                             folder.string() +
                             "/\n"
                             "every stored result of valid/every-layout.toml is removed\n");
    CHECK_FALSE(std::filesystem::exists(folder));

    const LecternRun nothing = run_lectern("results valid/every-layout.toml");
    CHECK(nothing.exit_code == 1);
    CHECK(nothing.err ==
          "lectern: no results are stored for valid/every-layout.toml (they are kept while a deck "
          "with polls is presented)\n");
    const LecternRun delete_nothing = run_lectern("results valid/every-layout.toml --delete");
    CHECK(delete_nothing.exit_code == 0);
    CHECK(delete_nothing.out == "no results are stored for valid/every-layout.toml; nothing to remove\n");
}

TEST_CASE("results exits 1 for a deck with errors and 2 for usage errors") {
    TempDataHome home;
    const LecternRun broken = run_lectern("results invalid/bad-room.toml");
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find("fix them to see its results") != std::string::npos);
    for (const char* arguments :
         {"results", "results valid/every-layout.toml --delete --csv",
          "results valid/every-layout.toml valid/minimal.toml", "results valid/every-layout.toml --png",
          "results valid/every-layout.toml --window", "valid/every-layout.toml --retention-days -1",
          "valid/every-layout.toml --csv"}) {
        CAPTURE(arguments);
        const LecternRun run = run_lectern(arguments);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("Usage:") != std::string::npos);
    }
}

TEST_CASE("presenting takes --retention-days from 0 to 36500") {
    CHECK(run_lectern("valid/every-layout.toml --retention-days 30 --help").exit_code == 0);
    CHECK(run_lectern("valid/every-layout.toml --retention-days 0 --help").exit_code == 0);
    const LecternRun too_long = run_lectern("valid/every-layout.toml --retention-days 36501 --help");
    CHECK(too_long.exit_code == 2);
    CHECK(too_long.err.starts_with(
        "lectern: --retention-days takes a number of days, from 0 (keep) to 36500\n"));
}

TEST_CASE("results --png draws a chart of each poll from the stored totals") {
    TempDataHome home;
    finished_lesson();
    const std::filesystem::path charts = home.path() / "charts";
    const LecternRun run = run_lectern("results valid/every-layout.toml --png '" + charts.string() + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("Results of valid/every-layout.toml"));
    std::size_t pictures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(charts))
        pictures += entry.path().extension() == ".png" ? 1u : 0u;
    CHECK(pictures == 4);
}
