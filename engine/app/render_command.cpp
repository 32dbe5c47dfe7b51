#include "render_command.h"

#include "core/base/unique_fd.h"
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "pdf_command.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace lectern {

namespace {

// "slide-03.png", or "slide-03-step-2.png" for build steps; zero-padded so names sort in order.
std::string picture_name(std::size_t slide, std::size_t step, std::size_t steps, std::size_t slide_count) {
    const std::size_t digits = std::max<std::size_t>(2, std::to_string(slide_count).size());
    std::string number = std::to_string(slide + 1);
    number.insert(0, digits - std::min(digits, number.size()), '0');
    std::string name = "slide-" + number;
    if (steps > 1)
        name += "-step-" + std::to_string(step + 1);
    return name + ".png";
}

// A view of the deck: a slide and one of its build steps.
struct View {
    std::size_t slide = 0;
    std::size_t step = 0;
};

// What a worker did: whether every picture was written, how many, and the pictures shown as placeholders.
struct WorkerReport {
    bool ok = true;
    std::size_t written = 0;
    std::vector<std::string> problems;
};

// Draws and writes views worker, worker + workers, worker + 2 * workers, ... of `views`.
WorkerReport render_views(const Deck& deck, const CommandLine& command, const InkBook* ink,
                          const std::vector<View>& views, std::size_t worker, std::size_t workers,
                          bool progress) {
    WorkerReport report;
    // In the language asked for (--lang; load_deck_to_render checked it), with --dual's beneath.
    const Deck shown = deck_in_language(deck, command.language);
    FontCatalog catalog(font_families_of(deck)); // the deck's own language picks faces, as when presenting
    SdlTextMeasurer measurer(catalog);
    const Expected<std::unique_ptr<OffscreenCanvas>> created =
        OffscreenCanvas::create(command.width, command.height, catalog);
    if (!created) {
        std::cerr << "lectern: " << created.error() << '\n';
        report.ok = false;
        return report;
    }
    OffscreenCanvas& canvas = **created;
    for (std::size_t v = worker; v < views.size(); v += workers) {
        const Slide& slide = shown.slides[views[v].slide];
        const std::size_t steps = build_steps(slide);
        const std::optional<SecondLanguage> second =
            command.dual.empty() ? std::nullopt
                                 : std::optional(second_language(deck.slides[views[v].slide], command.dual));
        const DisplayList list = compose_slide(shown, slide, views[v].step, measurer, nullptr, nullptr,
                                               second ? &*second : nullptr)
                                     .list;
        const std::vector<InkStroke>& strokes =
            ink ? ink->strokes({slide.id, views[v].step}) : std::vector<InkStroke>{};
        const DisplayList drawn = compose_ink(strokes, list, deck.theme);
        canvas.draw(list, strokes.empty() ? nullptr : &drawn);
        const std::filesystem::path file =
            std::filesystem::path(command.out_dir) /
            picture_name(views[v].slide, views[v].step, steps, deck.slides.size());
        if (const Expected<void> saved = canvas.save_png(file); !saved) {
            std::cerr << "\nlectern: cannot write " << file.string() << ": " << saved.error() << '\n';
            report.ok = false;
            return report;
        }
        ++report.written;
        if (progress)
            std::cerr << "\rrendering slide " << views[v].slide + 1 << " of " << deck.slides.size()
                      << std::flush;
    }
    if (progress)
        std::cerr << '\n';
    for (const auto& [picture, problem] : canvas.slides().picture_problems())
        report.problems.push_back("picture " + picture + " shown as a placeholder: " + problem);
    return report;
}

// A forked worker and the pipe its report comes back on.
struct Worker {
    pid_t pid = -1;
    UniqueFd report;
};

Expected<Worker> start_worker(const Deck& deck, const CommandLine& command, const InkBook* ink,
                              const std::vector<View>& views, std::size_t worker, std::size_t workers) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0)
        return Failure{std::string("cannot make a pipe: ") + std::strerror(errno)};
    UniqueFd read_end(ends[0]);
    UniqueFd write_end(ends[1]);
    const pid_t pid = fork();
    if (pid < 0)
        return Failure{std::string("cannot start a worker: ") + std::strerror(errno)};
    if (pid == 0) {
        read_end.reset();
        // The report, a line each: "ok N" or "failed N", then the problems.
        const WorkerReport report = render_views(deck, command, ink, views, worker, workers, false);
        std::string text = (report.ok ? "ok " : "failed ") + std::to_string(report.written) + '\n';
        for (const std::string& problem : report.problems)
            text += problem + '\n';
        const bool sent = write_all(write_end.get(), text);
        _exit(report.ok && sent ? 0 : 1); // no destructors of the parent's objects run twice
    }
    return Worker{pid, std::move(read_end)};
}

WorkerReport finish_worker(Worker& worker) {
    std::string text;
    char buffer[4096];
    ssize_t got = 0;
    while ((got = read(worker.report.get(), buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR)) {
        if (got > 0)
            text.append(buffer, static_cast<std::size_t>(got));
    }
    int status = 0;
    while (waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
    }
    WorkerReport report;
    std::istringstream lines(text);
    std::string word;
    lines >> word >> report.written;
    report.ok = word == "ok" && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!WIFEXITED(status))
        report.problems.push_back(
            "a worker drawing the slides stopped unexpectedly; some pictures are missing");
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (!line.empty())
            report.problems.push_back(line);
    }
    return report;
}

// The ink file saved from the panel, bounded and checked; every problem says which file and what to do.
std::optional<InkBook> load_ink(const std::filesystem::path& file, const Deck& deck) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "lectern: cannot read the ink file " << file.string() << '\n';
        return std::nullopt;
    }
    std::string text(ink_file_max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > ink_file_max_bytes) {
        std::cerr << "lectern: " << file.string() << ": an ink file is at most " << (ink_file_max_bytes >> 20)
                  << " MiB; this is not one Lectern saved\n";
        return std::nullopt;
    }
    Expected<InkBook> ink = InkBook::from_json(text);
    if (!ink) {
        std::cerr << "lectern: " << file.string() << ": " << ink.error() << '\n';
        return std::nullopt;
    }
    // Ink for a slide the deck no longer has is left out, and said so: the deck may have changed since.
    for (const InkPlace& place : ink->places()) {
        const auto slide = std::ranges::find(deck.slides, place.first, &Slide::id);
        if (slide == deck.slides.end() || place.second >= build_steps(*slide))
            std::cerr << "lectern: " << file.string() << ": ink for slide \"" << place.first << "\" step "
                      << place.second + 1 << " is left out: the deck has no such slide or step\n";
    }
    return std::move(*ink);
}

} // namespace

std::optional<Deck> load_deck_to_render(CommandLine& command, int& exit_code) {
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings; // placeholders, not a refusal
    DeckLoadResult result = load_deck_file(command.decks.front(), options);
    for (const Diagnostic& diagnostic : result.diagnostics)
        std::cerr << format_diagnostic(diagnostic) << '\n';
    exit_code = 1;
    if (!result.deck)
        return std::nullopt;
    const Expected<LanguageChoice> languages =
        choose_languages(result.deck->info, command.language, command.dual);
    if (!languages) {
        std::cerr << "lectern: " << languages.error() << '\n';
        exit_code = 2;
        return std::nullopt;
    }
    command.language = languages->language;
    command.dual = languages->second;
    if (command.slide && static_cast<std::size_t>(*command.slide) > result.deck->slides.size()) {
        std::cerr << "lectern: the deck has " << result.deck->slides.size() << " slides; --slide "
                  << *command.slide << " is not one of them\n";
        exit_code = 2;
        return std::nullopt;
    }
    exit_code = 0;
    return std::move(result.deck);
}

int run_render(CommandLine command) {
    if (!command.pdf_file.empty())
        return run_pdf_export(command);
    int exit_code = 0;
    const std::optional<Deck> loaded = load_deck_to_render(command, exit_code);
    if (!loaded)
        return exit_code;
    const Deck& deck = *loaded;

    std::error_code error;
    std::filesystem::create_directories(command.out_dir, error);
    if (error) {
        std::cerr << "lectern: cannot create " << command.out_dir << ": " << error.message() << '\n';
        return 1;
    }

    std::optional<InkBook> ink;
    if (!command.ink_file.empty()) {
        ink = load_ink(command.ink_file, deck);
        if (!ink)
            return 1;
    }

    const std::size_t first = command.slide ? static_cast<std::size_t>(*command.slide - 1) : 0;
    const std::size_t last = command.slide ? first + 1 : deck.slides.size();
    std::vector<View> views;
    for (std::size_t i = first; i < last; ++i) {
        for (std::size_t step = 0; step < build_steps(deck.slides[i]); ++step)
            views.push_back({i, step});
    }

    // One process a core, each with its own fonts, caches and canvas, drawing every n-th view: nothing
    // is shared, so nothing needs a lock (SDL_ttf and FreeType are not made for threads sharing fonts).
    // Forked before any of SDL, fonts or threads exist.
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::clamp<std::size_t>(views.size() / 4, 1, std::min<std::size_t>(cores, 8));
    std::vector<Worker> helpers;
    for (std::size_t k = 1; k < workers; ++k) {
        Expected<Worker> started = start_worker(deck, command, ink ? &*ink : nullptr, views, k, workers);
        if (!started) {
            std::cerr << "lectern: " << started.error() << " (drawing on fewer cores)\n";
            break;
        }
        helpers.push_back(std::move(*started));
    }
    const std::size_t share = helpers.size() + 1;
    WorkerReport own =
        render_views(deck, command, ink ? &*ink : nullptr, views, 0, share, isatty(STDERR_FILENO) != 0);
    bool ok = own.ok;
    std::size_t written = own.written;
    std::set<std::string> problems(own.problems.begin(), own.problems.end());
    for (Worker& helper : helpers) {
        const WorkerReport report = finish_worker(helper);
        ok = ok && report.ok;
        written += report.written;
        problems.insert(report.problems.begin(), report.problems.end());
    }
    for (const std::string& problem : problems)
        std::cerr << "lectern: " << problem << '\n';
    if (!ok)
        return 1;
    std::cerr << "wrote " << written << (written == 1 ? " picture" : " pictures") << " to " << command.out_dir
              << '\n';
    return 0;
}

} // namespace lectern
