// The results store on a real file system, with XDG_DATA_HOME in a temporary folder.
#include "store_fixture.h"

#include <algorithm>
#include <csignal>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace lectern;
using namespace lectern::test;

namespace {

std::string read_all(const std::filesystem::path& path) {
    return read_text(path);
}

mode_t mode_of(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

void set_age_days(const std::filesystem::path& path, int days) {
    const auto age = std::chrono::hours(24 * days);
    std::filesystem::last_write_time(path, std::chrono::file_clock::now() - age);
}

std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder))
        ++count;
    return count;
}

} // namespace

TEST_CASE("the results folder is named after the deck, with a hash of its absolute path") {
    TempDataHome home;
    const std::filesystem::path folder = results_folder_of(every_layout_path());
    CHECK(folder.parent_path() == home.lectern());
    const std::string name = folder.filename().string();
    CHECK(name.starts_with("every-layout-"));
    CHECK(name.size() == std::string("every-layout-").size() + 8);
    const std::filesystem::path here = std::filesystem::current_path();
    std::filesystem::current_path(source_dir() / "tests/decks");
    CHECK(results_folder_of("valid/every-layout.toml") == folder); // the same deck from elsewhere
    CHECK(results_folder_of("valid/minimal.toml") != folder);
    std::filesystem::current_path(here);
    // The stem, then the low 32 bits of the 64-bit FNV-1a of the absolute path: a deck's results are found
    // again only while this never changes.
    CHECK(results_folder_of("/a/Zażółć Deck!.toml").filename() == "za-deck-5e378340");
}

TEST_CASE("a new session starts a private log named after the time") {
    TempDataHome home;
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    CHECK(opening.ok());
    CHECK_FALSE(opening->restored);
    CHECK(opening->polls.size() == 4);
    CHECK(opening->store.session() == "session-20240501-103205");
    CHECK(opening->store.log_path().filename() == "session-20240501-103205.log");
    CHECK(mode_of(home.lectern()) == 0700);
    CHECK(mode_of(opening->store.log_path().parent_path()) == 0700);
    CHECK(mode_of(opening->store.log_path()) == 0600);
}

TEST_CASE("recorded changes are restored when the process stopped without ending the session") {
    TempDataHome home;
    std::filesystem::path log;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        ResultsStore& store = opening->store;
        log = store.log_path();
        CHECK(store.record(PollRecord::opened(poll_id(9))));
        CHECK(store.record(PollRecord::vote(poll_id(9), "device-a", {2})));
        CHECK(store.record(PollRecord::vote(poll_id(9), "device-b", {1})));
        CHECK(store.record(PollRecord::vote(poll_id(9), "device-a", {3}))); // a change of mind
        CHECK(store.record(PollRecord::hand_count(poll_id(9), 0, 7)));
        CHECK(store.record(PollRecord::answer(poll_id(11), "Safe", "", lesson_time_s + 60)));
        CHECK(store.record(PollRecord::answer_status(poll_id(11), 1, AnswerStatus::Approved)));
    } // no end_session: as if the process were killed

    Expected<StoreOpening> again = open_store(0, lesson_time_s + 3600);
    REQUIRE(again);
    CHECK(again->restored);
    CHECK(again->skipped_lines == 0);
    CHECK(again->store.log_path() == log); // the same session goes on
    const PollState& quiz = again->polls.at(poll_id(9));
    CHECK(quiz.open);
    CHECK(quiz.device_votes == std::map<std::string, std::vector<int>>{{"device-a", {3}}, {"device-b", {1}}});
    CHECK(total_counts(quiz) == std::vector<int>{8, 0, 1});
    REQUIRE(again->polls.at(poll_id(11)).answers.size() == 1);
    CHECK(again->polls.at(poll_id(11)).answers[0].status == AnswerStatus::Approved);

    CHECK(again->store.record(PollRecord::vote(poll_id(9), "device-c", {2})));
    { [[maybe_unused]] const ResultsStore stopped = std::move(again->store); }
    Expected<StoreOpening> third = open_store(0, lesson_time_s + 7200);
    REQUIRE(third);
    CHECK(total_counts(third->polls.at(poll_id(9))) == std::vector<int>{8, 1, 1});
}

TEST_CASE("flagged answers keep when they arrived across a restore, in the totals") {
    TempDataHome home;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        CHECK(opening->store.record(PollRecord::answer(poll_id(11), "first", "", lesson_time_s + 60)));
        CHECK(opening->store.record(PollRecord::answer(poll_id(11), "second", "", lesson_time_s + 120)));
    } // killed
    Expected<StoreOpening> again = open_store(0, lesson_time_s + 3600);
    REQUIRE(again);
    std::map<std::string, PollState> polls = again->polls;
    for (const PollRecord& record :
         {PollRecord::answer(poll_id(11), "third", "", lesson_time_s + 180),
          PollRecord::answer_flag(poll_id(11), 3), PollRecord::answer_flag(poll_id(11), 1)}) {
        REQUIRE(again->store.record(record));
        REQUIRE(apply(polls, record));
    }
    const std::filesystem::path totals =
        again->store.log_path().parent_path() / "session-20240501-103205.totals.csv";
    REQUIRE(again->store.end_session(polls));
    const std::string csv = read_all(totals);
    const std::string flagged = "flagged," + poll_id(11) + ",One word for how the internet makes you feel,";
    CHECK(csv.find(flagged + "first,,2024-05-01 10:33:05 +0000\n") != std::string::npos);
    CHECK(csv.find(flagged + "third,,2024-05-01 10:35:05 +0000\n") != std::string::npos);
    CHECK(csv.find("second") == std::string::npos);
}

TEST_CASE("a deck whose show is running cannot be opened a second time") {
    TempDataHome home;
    Expected<StoreOpening> first = open_store();
    REQUIRE(first);
    Expected<StoreOpening> second = open_store();
    CHECK_FALSE(second);
    CHECK(second.error().starts_with("another lectern is presenting this deck and keeping its results in "));
    // The show still goes on: it shows the polls kept so far, read without writing.
    CHECK(polls_kept_read_only(every_layout_path(), every_layout()).size() == 4);
}

TEST_CASE("a last line cut short by a crash is skipped and cut off, and the session goes on") {
    TempDataHome home;
    std::filesystem::path log;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        log = opening->store.log_path();
        CHECK(opening->store.record(PollRecord::vote(poll_id(9), "device-a", {2})));
    }
    const std::string line = encode_record(PollRecord::vote(poll_id(9), "device-b", {1}));
    std::ofstream(log, std::ios::app) << line.substr(0, line.size() / 2);

    Expected<StoreOpening> restored = open_store();
    REQUIRE(restored);
    CHECK(restored->skipped_lines == 1);
    CHECK(device_counts(restored->polls.at(poll_id(9))) == std::vector<int>{0, 1, 0});
    CHECK(restored->store.record(PollRecord::vote(poll_id(9), "device-c", {3})));
    { [[maybe_unused]] const ResultsStore stopped = std::move(restored->store); }

    Expected<StoreOpening> clean = open_store();
    REQUIRE(clean);
    CHECK(clean->skipped_lines == 0);
    CHECK(device_counts(clean->polls.at(poll_id(9))) == std::vector<int>{0, 1, 1});
}

TEST_CASE("end_session keeps totals without device tokens, and removes the log") {
    TempDataHome home;
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    ResultsStore& store = opening->store;
    std::map<std::string, PollState> polls = opening->polls;
    const auto change = [&](const PollRecord& record) {
        REQUIRE(store.record(record));
        apply(polls, record);
    };
    change(PollRecord::opened(poll_id(9)));
    change(PollRecord::vote(poll_id(9), "secret-token-1", {2}));
    change(PollRecord::vote(poll_id(9), "secret-token-2", {2}));
    change(PollRecord::hand_count(poll_id(9), 0, 5));
    change(PollRecord::opened(poll_id(11)));
    change(PollRecord::answer(poll_id(11), "Safe, \"mostly\"", "", lesson_time_s + 60));
    change(PollRecord::answer(poll_id(11), "worrying text", "", lesson_time_s + 120));
    change(PollRecord::answer(poll_id(11), "07700 900123", "looks like a phone number", lesson_time_s + 180));
    change(PollRecord::answer_status(poll_id(11), 1, AnswerStatus::Approved));
    change(PollRecord::answer_flag(poll_id(11), 2));
    const std::filesystem::path log = store.log_path();
    CHECK(read_all(log).find("secret-token-1") != std::string::npos);

    REQUIRE(store.end_session(polls));
    CHECK_FALSE(std::filesystem::exists(log));
    const std::filesystem::path totals = log.parent_path() / "session-20240501-103205.totals.csv";
    REQUIRE(std::filesystem::exists(totals));
    CHECK(mode_of(totals) == 0600);
    CHECK(files_in(log.parent_path()) == 1);
    const std::string csv = read_all(totals);
    CHECK(csv.find("secret-token") == std::string::npos);
    CHECK(csv.find("07700") == std::string::npos); // neither approved nor flagged
    const std::string poll = poll_id(8), quiz = poll_id(9), scale = poll_id(10), words = poll_id(11);
    const std::string expected =
        "kind,poll,question,answer,count,time\n"
        "option," +
        poll +
        ",Which apps have you heard of?,QQ,0,\n"
        "option," +
        poll +
        ",Which apps have you heard of?,QZone,0,\n"
        "option," +
        poll +
        ",Which apps have you heard of?,Both,0,\n"
        "option," +
        poll +
        ",Which apps have you heard of?,Neither,0,\n"
        "option," +
        quiz +
        ",Someone you met in a game asks for your phone number. What do you do?,Send it,5,\n"
        "option," +
        quiz +
        ",Someone you met in a game asks for your phone number. What do you do?,"
        "Say no and tell a trusted adult,2,\n"
        "option," +
        quiz +
        ",Someone you met in a game asks for your phone number. What do you do?,"
        "Send a friend's number instead,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,1 (Not at all),0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,2,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,3,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,4,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,5,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,6,0,\n"
        "option," +
        scale +
        ",How safe do you feel online?,7 (Very safe),0,\n"
        "word," +
        words +
        ",One word for how the internet makes you feel,\"Safe, \"\"mostly\"\"\",1,\n"
        "flagged," +
        words +
        ",One word for how the internet makes you feel,worrying text,,"
        "2024-05-01 10:34:05 +0000\n";
    CHECK(csv == expected);

    const Expected<void> late = store.record(PollRecord::vote(poll_id(9), "late", {1}));
    REQUIRE_FALSE(late);
    CHECK(late.error() == "the session has ended; start a new one to keep more results");

    const Expected<std::optional<StoredResults>> lookup =
        read_latest_results(every_layout_path(), every_layout());
    REQUIRE(lookup);
    REQUIRE(*lookup);
    CHECK((*lookup)->finished);
    CHECK((*lookup)->started == "2024-05-01 10:32:05");
    CHECK((*lookup)->rows.size() == 16);
    CHECK(total_counts((*lookup)->polls.at(quiz)) == std::vector<int>{5, 2, 0});
    CHECK(approved_words((*lookup)->polls.at(words)).size() == 1);
}

TEST_CASE("a session in which nobody answered leaves nothing behind") {
    TempDataHome home;
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    CHECK(opening->store.record(PollRecord::opened(poll_id(9))));
    CHECK(opening->store.end_session(opening->polls));
    CHECK(files_in(results_folder_of(every_layout_path())) == 0);
    const Expected<std::optional<StoredResults>> lookup =
        read_latest_results(every_layout_path(), every_layout());
    REQUIRE(lookup);
    CHECK_FALSE(*lookup);
    CHECK(lookup.ok());
}

TEST_CASE("sessions started within the same second do not overwrite each other") {
    TempDataHome home;
    for (int i = 0; i < 3; ++i) {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        CHECK(opening->store.session() == (i == 0 ? std::string("session-20240501-103205")
                                                  : "session-20240501-103205-" + std::to_string(i + 1)));
        REQUIRE(opening->store.record(PollRecord::vote(poll_id(9), "d", {i + 1})));
        std::map<std::string, PollState> polls = opening->polls;
        apply(polls, PollRecord::vote(poll_id(9), "d", {i + 1}));
        REQUIRE(opening->store.end_session(polls));
    }
    const Expected<std::optional<StoredResults>> lookup =
        read_latest_results(every_layout_path(), every_layout());
    REQUIRE(lookup);
    REQUIRE(*lookup);
    CHECK((*lookup)->session == "session-20240501-103205-3"); // the last one
    CHECK(total_counts((*lookup)->polls.at(poll_id(9))) == std::vector<int>{0, 0, 1});
}

TEST_CASE("the retention period removes old sessions of every deck, and 0 keeps them") {
    TempDataHome home;
    const std::filesystem::path other = home.lectern() / "other-deck-0badf00d";
    std::filesystem::create_directories(other);
    const auto make = [](const std::filesystem::path& path, int age_days) {
        std::ofstream(path) << "kind,poll,question,answer,count,time\n";
        set_age_days(path, age_days);
    };
    make(other / "session-20240101-090000.totals.csv", 40);
    make(other / "session-20240102-090000.log", 40); // interrupted long ago, never presented again
    make(other / "notes.txt", 40);                   // not ours: left alone
    const std::filesystem::path lonely = home.lectern() / "lonely-deck-12345678";
    std::filesystem::create_directories(lonely);
    make(lonely / "session-20240101-090000.totals.csv", 31);
    const std::filesystem::path mine = results_folder_of(every_layout_path());
    std::filesystem::create_directories(mine);
    make(mine / "session-20240420-090000.totals.csv", 10);

    const std::int64_t now_s = std::time(nullptr); // the ages above are from the real clock
    Expected<StoreOpening> keep = open_store(0, now_s);
    REQUIRE(keep);
    CHECK(keep->expired.empty());
    { [[maybe_unused]] const ResultsStore stopped = std::move(keep->store); }

    Expected<StoreOpening> opening = open_store(30, now_s);
    REQUIRE(opening);
    CHECK(opening->warning.empty());
    std::ranges::sort(opening->expired);
    CHECK(opening->expired ==
          std::vector<std::string>{"lonely-deck-12345678/session-20240101-090000.totals.csv",
                                   "other-deck-0badf00d/session-20240101-090000.totals.csv",
                                   "other-deck-0badf00d/session-20240102-090000.log"});
    CHECK_FALSE(std::filesystem::exists(lonely)); // emptied folders go too
    CHECK(std::filesystem::exists(other / "notes.txt"));
    CHECK(std::filesystem::exists(mine / "session-20240420-090000.totals.csv"));
}

TEST_CASE("results that cannot be kept are reported, never thrown or crashed on") {
    TempDataHome home;
    std::ofstream(home.path() / "a-file") << "in the way";
    setenv("XDG_DATA_HOME", (home.path() / "a-file").c_str(), 1);
    Expected<StoreOpening> blocked = open_store();
    CHECK_FALSE(blocked);
    CHECK(blocked.error().starts_with("cannot create " + (home.path() / "a-file" / "lectern").string()));
    // What the show then puts on screen: the deck's polls, read without writing.
    CHECK(polls_kept_read_only(every_layout_path(), every_layout()).size() == 4);
}

TEST_CASE("a write that fails (a full disk) is refused with a reason and leaves no half line") {
    TempDataHome home;
    Expected<StoreOpening> opening = open_store();
    REQUIRE(opening);
    ResultsStore& store = opening->store;
    REQUIRE(store.record(PollRecord::vote(poll_id(9), "device-a", {1})));
    const auto size = static_cast<rlim_t>(std::filesystem::file_size(store.log_path()));

    // The file size limit stands in for a full disk: writes past it fail (EFBIG), even as root.
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit tight = saved;
    tight.rlim_cur = size + 10; // room for part of the next line only
    REQUIRE(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    const Expected<void> recorded = store.record(PollRecord::vote(poll_id(9), "device-b", {2}));
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, old_handler);

    REQUIRE_FALSE(recorded);
    CHECK(recorded.error() == "cannot save to " + store.log_path().string() + ": File too large");
    CHECK(std::filesystem::file_size(store.log_path()) == size); // the half line was cut off
    REQUIRE(store.record(PollRecord::vote(poll_id(9), "device-c", {3})));
    { [[maybe_unused]] const ResultsStore stopped = std::move(opening->store); }

    Expected<StoreOpening> restored = open_store();
    REQUIRE(restored);
    CHECK(restored->skipped_lines == 0);
    CHECK(device_counts(restored->polls.at(poll_id(9))) == std::vector<int>{1, 0, 1});
}

TEST_CASE("delete removes every stored result of the deck, but not while its show is running") {
    TempDataHome home;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        REQUIRE(opening->store.record(PollRecord::vote(poll_id(9), "d", {1})));
        const ResultsRemoval refused = delete_results(every_layout_path());
        CHECK(refused.removed.empty());
        CHECK(refused.error == "this deck is being presented right now; quit the show first "
                               "(session-20240501-103205.log is in use)");
    }
    const std::filesystem::path folder = results_folder_of(every_layout_path());
    std::ofstream(folder / "session-20240401-090000.totals.csv") << "kind,poll,question,answer,count,time\n";
    const ResultsRemoval removal = delete_results(every_layout_path());
    CHECK(removal.error.empty());
    CHECK(removal.removed == std::vector<std::string>{"session-20240401-090000.totals.csv",
                                                      "session-20240501-103205.log",
                                                      folder.filename().string() + "/"});
    CHECK_FALSE(std::filesystem::exists(folder));
    CHECK(delete_results(every_layout_path()).removed.empty()); // nothing left: nothing to do
}

TEST_CASE("when results cannot be kept at start, the running session's saved answers still show, read only") {
    TempDataHome home;
    {
        Expected<StoreOpening> opening = open_store();
        REQUIRE(opening);
        REQUIRE(opening->store.record(PollRecord::opened(poll_id(9))));
        REQUIRE(opening->store.record(PollRecord::vote(poll_id(9), "token-a", {2})));
        REQUIRE(opening->store.record(PollRecord::vote(poll_id(9), "token-b", {3})));
        // The show stops without a normal quit; at the next start the folder cannot be written.
    }
    const std::filesystem::path log = [] {
        for (const auto& entry : std::filesystem::directory_iterator(results_folder_of(every_layout_path())))
            if (entry.path().extension() == ".log")
                return entry.path();
        return std::filesystem::path();
    }();
    const auto size_before = std::filesystem::file_size(log);
    const std::map<std::string, PollState> polls = polls_kept_read_only(every_layout_path(), every_layout());
    CHECK(total_counts(polls.at(poll_id(9))) == std::vector<int>{0, 1, 1});
    CHECK_FALSE(polls.at(poll_id(9)).open);                // shown, not taking votes
    CHECK(std::filesystem::file_size(log) == size_before); // nothing written
}

TEST_CASE("when results cannot be kept and no session was running, the polls start fresh") {
    TempDataHome home;
    const std::map<std::string, PollState> polls = polls_kept_read_only(every_layout_path(), every_layout());
    CHECK(total_counts(polls.at(poll_id(9))) == std::vector<int>{0, 0, 0});
}
