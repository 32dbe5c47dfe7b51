#include "results_store.h"

#include "core/base/concat.h"
#include "core/base/fnv1a.h"
#include "core/polls/choice_labels.h"
#include "results_totals.h"
#include "session_key.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/file.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <utility>

namespace lectern {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view log_extension = ".log";
constexpr std::string_view totals_extension = ".totals.csv";

std::string errno_text() {
    return std::strerror(errno);
}

// One session file: "session-YYYYmmdd-HHMMSS[-N].log" or "....totals.csv".
struct SessionFile {
    std::string session; // the name without its extension
    std::string stamp;   // "YYYYmmdd-HHMMSS"
    int sequence = 1;
    bool finished = false;
    fs::path path;
};

std::optional<SessionFile> session_file(const fs::path& path) {
    const std::string name = path.filename().string();
    SessionFile file;
    file.path = path;
    if (name.ends_with(totals_extension))
        file.finished = true;
    else if (!name.ends_with(log_extension))
        return std::nullopt;
    file.session = name.substr(0, name.size() - (file.finished ? totals_extension : log_extension).size());
    if (!file.session.starts_with("session-") || file.session.size() < 23 || file.session[16] != '-')
        return std::nullopt;
    file.stamp = file.session.substr(8, 15);
    const std::string rest = file.session.substr(23);
    if (!rest.empty()) {
        if (rest.size() < 2 || rest[0] != '-' ||
            !std::ranges::all_of(rest.substr(1), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        file.sequence = std::atoi(rest.c_str() + 1);
    }
    return file;
}

// The folder's session files, oldest first.
std::vector<SessionFile> sessions_in(const fs::path& folder) {
    std::vector<SessionFile> files;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        if (auto file = session_file(entry.path()); file && entry.is_regular_file(error))
            files.push_back(std::move(*file));
    }
    std::ranges::sort(files, [](const SessionFile& a, const SessionFile& b) {
        return std::tie(a.stamp, a.sequence, a.finished) < std::tie(b.stamp, b.sequence, b.finished);
    });
    return files;
}

// The newest unfinished session, else the newest finished one.
std::optional<SessionFile> latest_session(const std::vector<SessionFile>& files) {
    for (auto file = files.rbegin(); file != files.rend(); ++file) {
        if (!file->finished)
            return *file;
    }
    return files.empty() ? std::nullopt : std::optional(files.back());
}

// True when a running lectern holds the lock on this log (its show is on).
bool locked_elsewhere(const fs::path& log) {
    const UniqueFd fd(::open(log.c_str(), O_RDONLY | O_CLOEXEC));
    return fd && ::flock(fd.get(), LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
}

// Creates the missing folders of `path`, each readable by its owner only.
Expected<void> make_private_folders(const fs::path& path) {
    fs::path partial;
    for (const fs::path& part : path) {
        partial /= part;
        if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
            return Failure{concat("cannot create ", partial.string(), ": ", errno_text())};
    }
    std::error_code code;
    if (!fs::is_directory(path, code))
        return Failure{concat("cannot create ", path.string(), ": a file of that name is in the way")};
    return {};
}

void sync_folder(const fs::path& folder) {
    const UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd)
        ::fsync(fd.get());
}

std::string local_time_text(std::time_t when, const char* format) {
    std::tm local{};
    char text[64] = "";
    if (localtime_r(&when, &local) != nullptr)
        std::strftime(text, sizeof text, format, &local);
    return text;
}

// "20240501-103205" -> "2024-05-01 10:32:05".
std::string started_text(const std::string& stamp) {
    return concat(stamp.substr(0, 4), '-', stamp.substr(4, 2), '-', stamp.substr(6, 2), ' ',
                  stamp.substr(9, 2), ':', stamp.substr(11, 2), ':', stamp.substr(13, 2));
}

std::vector<PollQuestion> questions_of(const Deck& deck) {
    std::vector<PollQuestion> questions;
    for (const Slide& slide : deck.slides) {
        if (!is_interactive(slide.layout) || !slide.question)
            continue;
        questions.push_back({slide.id, slide.question->text, choice_labels(*slide.question, slide.layout)});
    }
    return questions;
}

using AnswerTimes = std::map<std::string, std::vector<std::int64_t>>;

// Keeps when each answer arrived, in arrival order, which is the order answers are numbered in.
void note_time(AnswerTimes& times, const PollRecord& record) {
    if (record.kind == RecordKind::Answer)
        times[record.poll].push_back(record.received_s);
    else if (record.kind == RecordKind::Reset)
        times[record.poll].clear();
}

// Replays one record of a log, with when its answer arrived; a record that no longer fits is left out.
void replay(std::map<std::string, PollState>& polls, AnswerTimes& times, const PollRecord& record) {
    if (apply(polls, record))
        note_time(times, record);
}

struct LogReplay {
    std::size_t skipped = 0;        // damaged lines, including a last line cut short
    std::size_t complete_bytes = 0; // up to the end of the last whole line
};

LogReplay replay_log(std::string_view text, std::map<std::string, PollState>& polls, AnswerTimes& times) {
    LogReplay result;
    const std::size_t last_newline = text.rfind('\n');
    result.complete_bytes = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    if (result.complete_bytes < text.size())
        ++result.skipped; // written when the process stopped: never acknowledged
    std::string_view lines = text.substr(0, result.complete_bytes);
    while (!lines.empty()) {
        const std::size_t end = lines.find('\n');
        const std::string_view line = lines.substr(0, end);
        lines.remove_prefix(end + 1);
        if (line.empty())
            continue;
        if (const Expected<PollRecord> decoded = decode_record(line))
            replay(polls, times, *decoded);
        else
            ++result.skipped;
    }
    return result;
}

std::vector<TotalsRow> rows_of(const std::vector<PollQuestion>& questions,
                               const std::map<std::string, PollState>& polls, const AnswerTimes& times) {
    std::vector<TotalsRow> rows;
    for (const PollQuestion& question : questions) {
        const auto poll = polls.find(question.id);
        if (poll == polls.end())
            continue;
        const PollTotals totals = totals_of(poll->second);
        const auto row = [&](TotalsRow::Kind kind, std::string answer, int count, std::string time) {
            rows.push_back({kind, question.id, question.question, std::move(answer), count, std::move(time)});
        };
        for (std::size_t i = 0; i < totals.counts.size(); ++i)
            row(TotalsRow::Kind::Option, i < question.options.size() ? question.options[i] : concat(i + 1),
                totals.counts[i], "");
        for (const WordCount& word : totals.approved)
            row(TotalsRow::Kind::Word, word.text, word.count, "");
        const auto poll_times = times.find(question.id);
        for (const FlaggedAnswer& flagged : totals.flagged) {
            std::int64_t received = 0;
            if (poll_times != times.end() && flagged.number >= 1 &&
                flagged.number <= poll_times->second.size())
                received = poll_times->second[flagged.number - 1];
            row(TotalsRow::Kind::Flagged, flagged.text, 0,
                received > 0 ? local_time_text(static_cast<std::time_t>(received), "%Y-%m-%d %H:%M:%S %z")
                             : "");
        }
    }
    return rows;
}

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Removes sessions of every deck last written more than `days` days before `now`, and emptied folders.
// What the retention period removed, and why anything it could not remove stayed.
struct Retention {
    std::vector<std::string> expired;
    std::string warning;
};

Retention apply_retention(const fs::path& root, int days, std::chrono::system_clock::time_point now) {
    Retention retention;
    const std::time_t cutoff =
        std::chrono::system_clock::to_time_t(now) - static_cast<std::time_t>(days) * 86400;
    std::error_code error;
    for (const fs::directory_entry& folder : fs::directory_iterator(root, error)) {
        if (!folder.is_directory(error))
            continue;
        bool removed_any = false;
        for (const SessionFile& file : sessions_in(folder.path())) {
            struct stat info {};
            if (::stat(file.path.c_str(), &info) != 0 || info.st_mtime >= cutoff)
                continue;
            if (!file.finished && locked_elsewhere(file.path))
                continue; // a show of that deck is running right now
            const std::string name =
                concat(folder.path().filename().string(), '/', file.path.filename().string());
            if (::unlink(file.path.c_str()) == 0) {
                retention.expired.push_back(name);
                removed_any = true;
            } else {
                retention.warning += concat(retention.warning.empty() ? "" : "; ",
                                            "cannot remove old results ", name, ": ", errno_text());
            }
        }
        if (removed_any)
            ::rmdir(folder.path().c_str()); // only when nothing else is left in it
    }
    return retention;
}

std::string unique_session(const fs::path& folder, std::chrono::system_clock::time_point now) {
    const std::string base =
        concat("session-", local_time_text(std::chrono::system_clock::to_time_t(now), "%Y%m%d-%H%M%S"));
    for (int sequence = 1;; ++sequence) {
        const std::string session = sequence == 1 ? base : concat(base, '-', sequence);
        std::error_code error;
        if (!fs::exists(folder / concat(session, log_extension), error) &&
            !fs::exists(folder / concat(session, totals_extension), error))
            return session;
    }
}

} // namespace

fs::path results_root() {
    const char* data_home = std::getenv("XDG_DATA_HOME");
    if (data_home != nullptr && fs::path(data_home).is_absolute())
        return fs::path(data_home) / "lectern";
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0')
        return fs::path(home) / ".local" / "share" / "lectern";
    return {};
}

fs::path results_folder_of(const fs::path& deck_path) {
    std::error_code error;
    fs::path absolute = fs::weakly_canonical(fs::absolute(deck_path, error), error);
    if (error)
        absolute = fs::absolute(deck_path, error).lexically_normal();
    std::string stem;
    for (char c : deck_path.stem().string()) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (plain || (c >= 'A' && c <= 'Z'))
            stem += static_cast<char>(plain ? c : c - 'A' + 'a');
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
    }
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    stem = stem.substr(0, 40);
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x",
                  static_cast<unsigned>(fnv1a<std::uint64_t>(absolute.string()) & 0xFFFFFFFFu));
    const fs::path root = results_root();
    return root.empty() ? fs::path() : root / concat(stem.empty() ? "deck" : stem, '-', hash);
}

Expected<std::optional<StoredResults>> read_latest_results(const fs::path& deck_path, const Deck& deck) {
    const fs::path folder = results_folder_of(deck_path);
    if (folder.empty())
        return Failure{"neither XDG_DATA_HOME nor HOME is set, so there is no results folder"};
    const std::optional<SessionFile> latest = latest_session(sessions_in(folder));
    if (!latest)
        return std::optional<StoredResults>();
    const std::optional<std::string> text = read_file(latest->path);
    if (!text)
        return Failure{concat("cannot read ", latest->path.string(), ": ", errno_text())};
    StoredResults results;
    results.session = latest->session;
    results.started = started_text(latest->stamp);
    results.finished = latest->finished;
    if (latest->finished) {
        results.rows = rows_from_csv(*text);
        results.polls = polls_from_rows(deck, results.rows);
    } else {
        AnswerTimes times;
        results.polls = polls_for(deck);
        results.skipped_lines = replay_log(*text, results.polls, times).skipped;
        results.rows = rows_of(questions_of(deck), results.polls, times);
    }
    return std::optional<StoredResults>(std::move(results));
}

std::map<std::string, PollState> polls_kept_read_only(const fs::path& deck_path, const Deck& deck) {
    Expected<std::optional<StoredResults>> kept = read_latest_results(deck_path, deck);
    if (!kept || !*kept || (*kept)->finished)
        return polls_for(deck);
    for (auto& [id, poll] : (*kept)->polls)
        poll.open = false;
    return std::move((*kept)->polls);
}

ResultsRemoval delete_results(const fs::path& deck_path) {
    ResultsRemoval removal;
    const fs::path folder = results_folder_of(deck_path);
    std::error_code error;
    if (folder.empty() || !fs::exists(folder, error))
        return removal;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().extension() == log_extension && locked_elsewhere(entry.path())) {
            removal.error = concat("this deck is being presented right now; quit the show first (",
                                   entry.path().filename().string(), " is in use)");
            return removal;
        }
        files.push_back(entry.path());
    }
    std::ranges::sort(files);
    for (const fs::path& file : files) {
        if (fs::remove_all(file, error) == static_cast<std::uintmax_t>(-1) || error) {
            removal.error = concat("cannot remove ", file.string(), ": ", error.message());
            return removal;
        }
        removal.removed.push_back(file.filename().string());
    }
    if (!fs::remove(folder, error) || error)
        removal.error = concat("cannot remove ", folder.string(), ": ", error.message());
    else
        removal.removed.push_back(folder.filename().string() + "/");
    return removal;
}

Expected<StoreOpening> ResultsStore::open(const fs::path& deck_path, const Deck& deck, int retention_days,
                                          std::chrono::system_clock::time_point now_wall) {
    const fs::path root = results_root();
    if (root.empty())
        return Failure{"neither XDG_DATA_HOME nor HOME is set, so results cannot be kept"};
    const Retention retention =
        retention_days > 0 ? apply_retention(root, retention_days, now_wall) : Retention{};
    ResultsStore store;
    store.m_folder = results_folder_of(deck_path);
    if (Expected<void> made = make_private_folders(store.m_folder); !made)
        return Failure{made.error()};
    store.m_questions = questions_of(deck);

    std::vector<SessionFile> sessions = sessions_in(store.m_folder);
    std::erase_if(sessions, [](const SessionFile& file) { return file.finished; });
    const bool restoring = !sessions.empty();
    store.m_session = restoring ? sessions.back().session : unique_session(store.m_folder, now_wall);
    store.m_log = store.m_folder / concat(store.m_session, log_extension);
    store.m_log_fd.reset(::open(
        store.m_log.c_str(),
        restoring ? O_RDWR | O_APPEND | O_CLOEXEC : O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    const int fd = store.m_log_fd.get();
    if (fd < 0)
        return Failure{concat("cannot open ", store.m_log.string(), ": ", errno_text())};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        return Failure{errno == EWOULDBLOCK
                           ? concat("another lectern is presenting this deck and keeping its results in ",
                                    store.m_log.string())
                           : concat("cannot lock ", store.m_log.string(), ": ", errno_text())};
    }
    std::map<std::string, PollState> polls = polls_for(deck);
    LogReplay replayed{};
    if (restoring) {
        std::string text;
        char buffer[65536];
        for (ssize_t got; (got = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(text.size()))) != 0;) {
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return Failure{concat("cannot read ", store.m_log.string(), ": ", errno_text())};
            text.append(buffer, static_cast<std::size_t>(got));
        }
        replayed = replay_log(text, polls, store.m_answer_times);
        store.m_size = static_cast<std::int64_t>(replayed.complete_bytes);
        // A line cut short was never acknowledged: drop it so the next line starts cleanly.
        if (replayed.complete_bytes < text.size() && ::ftruncate(fd, static_cast<off_t>(store.m_size)) != 0)
            store.m_needs_newline = true;
    } else {
        sync_folder(store.m_folder);
        sync_folder(store.m_folder.parent_path());
    }
    return StoreOpening{std::move(store), std::move(polls),  restoring,
                        replayed.skipped, retention.expired, retention.warning};
}

Expected<void> ResultsStore::record(const PollRecord& record) {
    return record_all(std::span(&record, 1));
}

Expected<void> ResultsStore::record_all(std::span<const PollRecord> records) {
    if (!m_log_fd)
        return Failure{m_ended ? "the session has ended; start a new one to keep more results"
                               : "no results file is open"};
    const int fd = m_log_fd.get();
    std::string lines = m_needs_newline ? "\n" : "";
    for (const PollRecord& record : records)
        lines += concat(encode_record(record), '\n');
    if (m_needs_newline) {
        struct stat info {};
        if (::fstat(fd, &info) != 0)
            return Failure{concat("cannot save to ", m_log.string(), ": ", errno_text())};
        m_size = info.st_size;
    }
    if (!write_all(fd, lines) || ::fsync(fd) != 0) {
        const int write_error = errno;
        // Cut the half-written lines off, so the next record starts on a line of its own.
        m_needs_newline = ::ftruncate(fd, static_cast<off_t>(m_size)) != 0;
        return Failure{concat("cannot save to ", m_log.string(), ": ",
                              std::strerror(write_error != 0 ? write_error : EIO))};
    }
    m_size += static_cast<std::int64_t>(lines.size());
    m_needs_newline = false;
    // The owner applied each record to its polls before handing it over, so each one counts here.
    for (const PollRecord& record : records)
        note_time(m_answer_times, record);
    return {};
}

Expected<void> ResultsStore::end_session(const std::map<std::string, PollState>& polls) {
    if (!m_log_fd)
        return Failure{m_ended ? "the session has already ended" : "no results file is open"};
    const bool answered =
        std::ranges::any_of(polls, [](const auto& entry) { return response_count(entry.second) > 0; });
    if (answered) {
        const fs::path totals = m_folder / concat(m_session, totals_extension);
        const fs::path part = concat(totals.string(), ".part");
        UniqueFd fd(::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        const bool written = fd &&
                             write_all(fd.get(), totals_csv(rows_of(m_questions, polls, m_answer_times))) &&
                             ::fsync(fd.get()) == 0;
        const std::string reason = errno_text();
        fd.reset();
        if (!written || ::rename(part.c_str(), totals.c_str()) != 0) {
            ::unlink(part.c_str());
            return Failure{concat("cannot save the totals to ", totals.string(), ": ",
                                  written ? errno_text() : reason, "; the session's log is kept")};
        }
    }
    const bool removed = ::unlink(m_log.c_str()) == 0;
    const std::string reason = errno_text();
    ::unlink(session_key_path(m_log).c_str()); // the devices' key goes with their tokens
    m_log_fd.reset();                          // also releases the lock
    m_ended = true;
    sync_folder(m_folder);
    if (!removed)
        return Failure{
            concat("the totals are saved, but the log ", m_log.string(), " could not be removed: ", reason)};
    return {};
}

} // namespace lectern
