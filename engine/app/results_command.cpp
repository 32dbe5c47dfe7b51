#include "results_command.h"

#include "core/base/text_escape.h"
#include "core/deck/deck_loader.h"
#include "core/polls/choice_labels.h"
#include "core/school/school_record.h"
#include "polls/results_store.h"
#include "result_pictures.h"

#include <fstream>
#include <sstream>

namespace lectern {

namespace {

int remove_results(const std::string& deck_path, std::ostream& out, std::ostream& err) {
    const ResultsRemoval removal = delete_results(deck_path);
    const std::string folder = results_folder_of(deck_path).string();
    for (const std::string& name : removal.removed)
        out << "removed " << (name.ends_with('/') ? results_root().string() + "/" : folder + "/") << name
            << '\n';
    if (!removal.error.empty()) {
        err << "lectern: " << removal.error << '\n';
        return 1;
    }
    if (removal.removed.empty())
        out << "no results are stored for " << deck_path << "; nothing to remove\n";
    else
        out << "every stored result of " << deck_path << " is removed\n";
    return 0;
}

// Answers come from pupils' devices: printed, their control characters are shown as escapes (\x1B, \x07),
// never sent to the terminal, where they could clear the screen or ring the bell.
std::string printable(std::string_view text) {
    return escaped_controls(text, C1Controls::Escaped);
}

void print_csv(const StoredResults& results, std::ostream& out) {
    out << "poll,question,option,count\n";
    for (const TotalsRow& row : results.rows) {
        if (row.kind != TotalsRow::Kind::Flagged)
            out << csv_field(printable(row.poll)) << ',' << csv_field(printable(row.question)) << ','
                << csv_field(printable(row.answer)) << ',' << row.count << '\n';
    }
}

void print_totals(const std::string& deck_path, const StoredResults& results, std::ostream& out) {
    out << "Results of " << deck_path << ", session started " << results.started
        << (results.finished ? ""
                             : " (not finished: the show is running, or it stopped without a normal quit)")
        << '\n';
    const std::string* poll = nullptr;
    bool any_flagged = false;
    for (const TotalsRow& row : results.rows) {
        if (row.kind == TotalsRow::Kind::Flagged) {
            any_flagged = true;
            continue;
        }
        if (poll == nullptr || *poll != row.poll)
            out << '\n' << printable(row.poll) << ": " << printable(row.question) << '\n';
        poll = &row.poll;
        out << "  " << printable(row.answer) << ": " << row.count << '\n';
    }
    if (!any_flagged)
        return;
    out << "\nFlagged for the safeguarding lead:\n";
    for (const TotalsRow& row : results.rows) {
        if (row.kind == TotalsRow::Kind::Flagged)
            out << "  " << printable(row.poll) << (row.time.empty() ? "" : ", ") << printable(row.time)
                << ": \"" << printable(row.answer) << "\"\n";
    }
}

// A leader's session also keeps the school's totals and each room's counts (school_record.h).
void print_school(const std::string& deck_path, const Deck& deck, const StoredResults& results,
                  std::ostream& out, std::ostream& err) {
    const std::filesystem::path file = results_folder_of(deck_path) / (results.session + ".school.csv");
    std::ifstream in(file);
    if (!in)
        return; // not a school's leader
    std::stringstream text;
    text << in.rdbuf();
    const Expected<SchoolRecord> record = parse_school_record(text.str());
    if (!record) {
        err << "lectern: " << file.string() << ": " << record.error() << '\n';
        return;
    }
    out << "\nThe whole school";
    for (const auto& [room, polls] : record->rooms)
        out << (room == record->rooms.begin()->first ? " (rooms: " : ", ") << room;
    out << (record->rooms.empty() ? "" : ")") << '\n';
    for (const Slide& slide : deck.slides) {
        const auto school = record->school.find(slide.id);
        if (!slide.question || school == record->school.end())
            continue;
        out << '\n' << slide.id << ": " << printable(slide.question->text) << '\n';
        std::vector<std::string> labels = choice_labels(*slide.question, slide.layout);
        if (labels.empty())
            labels = {"answers"};
        for (std::size_t i = 0; i < school->second.size() && i < labels.size(); ++i) {
            out << "  " << printable(labels[i]) << ": " << school->second[i];
            const char* separator = " (";
            for (const auto& [room, polls] : record->rooms) {
                const auto counts = polls.find(slide.id);
                if (counts != polls.end() && i < counts->second.size()) {
                    out << separator << room << ' ' << counts->second[i];
                    separator = ", ";
                }
            }
            out << (std::string_view(separator) == ", " ? ")" : "") << '\n';
        }
    }
}

} // namespace

int run_results(const CommandLine& command, std::ostream& out, std::ostream& err) {
    const std::string& path = command.decks.front();
    if (command.delete_results)
        return remove_results(path, out, err);
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings; // pictures play no part in results
    const DeckLoadResult loaded = load_deck_file(path, options);
    if (!loaded.deck) {
        for (const Diagnostic& diagnostic : loaded.diagnostics)
            err << format_diagnostic(diagnostic) << '\n';
        err << "lectern: the deck has errors; fix them to see its results (`lectern results " << path
            << " --delete` works anyway)\n";
        return 1;
    }
    const Expected<std::optional<StoredResults>> lookup = read_latest_results(path, *loaded.deck);
    if (!lookup) {
        err << "lectern: " << lookup.error() << '\n';
        return 1;
    }
    if (!*lookup) {
        err << "lectern: no results are stored for " << path
            << " (they are kept while a deck with polls is presented)\n";
        return 1;
    }
    const StoredResults& results = **lookup;
    if (results.skipped_lines > 0)
        err << "lectern: note: " << results.skipped_lines
            << (results.skipped_lines == 1 ? " damaged line" : " damaged lines")
            << " of the session's log left out (written as the program stopped; never acknowledged)\n";
    if (command.csv)
        print_csv(results, out);
    else {
        print_totals(path, results, out);
        print_school(path, *loaded.deck, results, out, err);
    }
    if (command.png_dir.empty())
        return 0;
    return write_result_pictures(*loaded.deck, results.polls, command.png_dir);
}

} // namespace lectern
