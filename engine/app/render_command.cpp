#include "render_command.h"

#include "core/base/unique_fd.h"
#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_language.h"
#include "core/deck/deck_loader.h"
#include "pdf_command.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/picture_decoder.h"
#include "render/sdl_text_measurer.h"
#include "render/slide_renderer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <sys/mman.h>
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

// A view of the deck: a slide and one of its build steps, composed before any worker starts.
struct View {
    std::size_t slide = 0;
    std::size_t step = 0;
    DisplayList list;
    std::optional<DisplayList> inked; // the list with the session's ink over it, when it has any
};

// What a worker did: whether every picture was written, how many, and the pictures shown as placeholders.
struct WorkerReport {
    bool ok = true;
    std::size_t written = 0;
    std::vector<std::string> problems;
};

// The next view to draw, shared by every worker (a page mapped into each): a worker takes one view at a
// time, so a worker that drew quick slides takes more of them and all finish together.
class ViewQueue {
public:
    ViewQueue() {
        void* page = mmap(nullptr, sizeof(std::atomic<std::size_t>), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (page != MAP_FAILED)
            m_next = new (page) std::atomic<std::size_t>(0);
    }
    ~ViewQueue() {
        if (m_next)
            munmap(m_next, sizeof(std::atomic<std::size_t>));
    }
    ViewQueue(const ViewQueue&) = delete;
    ViewQueue& operator=(const ViewQueue&) = delete;

    // False when no shared page could be mapped (then one process draws every view).
    bool shared() const { return m_next != nullptr; }
    std::size_t take() { return m_next ? m_next->fetch_add(1) : m_own++; }

private:
    std::atomic<std::size_t>* m_next = nullptr;
    std::size_t m_own = 0;
};

// What every worker shares, made once before they start: the fonts found and opened, every view composed,
// every picture decoded. A forked worker sees it all as it was (pages copied only when written).
struct RenderPlan {
    const Deck& deck;
    const CommandLine& command;
    FontCatalog& catalog;
    std::vector<View> views;
    DecodedPictures pictures;
};

RenderPlan plan_render(const Deck& deck, const CommandLine& command, const InkBook* ink, FontCatalog& catalog,
                       std::size_t first, std::size_t last) {
    RenderPlan plan{deck, command, catalog, {}, {}};
    SdlTextMeasurer measurer(catalog);
    // In the language asked for (--lang; load_deck_to_render checked it), with --dual's beneath.
    const Deck shown = deck_in_language(deck, command.language);
    const SDL_Rect whole{0, 0, command.width, command.height};
    for (std::size_t i = first; i < last; ++i) {
        const Slide& slide = deck.slides[i];
        for (std::size_t step = 0; step < build_steps(slide); ++step) {
            const std::optional<SecondLanguage> second =
                command.dual.empty() ? std::nullopt : std::optional(second_language(slide, command.dual));
            View view{i, step,
                      compose_slide(shown, shown.slides[i], step, measurer, nullptr, nullptr,
                                    second ? &*second : nullptr)
                          .list,
                      std::nullopt};
            const std::vector<InkStroke>& strokes =
                ink ? ink->strokes({slide.id, step}) : std::vector<InkStroke>{};
            if (!strokes.empty())
                view.inked = compose_ink(strokes, view.list, deck.theme);
            // As SlideRenderer asks for each picture when it draws the view on the whole canvas.
            const float scale = SlideRenderer::letterbox(view.list, whole).w / view.list.width;
            for (const DisplayItem& item : view.list.items) {
                if (const auto* picture = std::get_if<Picture>(&item)) {
                    const auto [box_w, box_h] = picture_box_px(picture->box, scale);
                    plan.pictures.start({picture->path, box_w, box_h}); // decodes while we compose
                }
            }
            plan.views.push_back(std::move(view));
        }
    }
    plan.pictures.finish();
    return plan;
}

// Draws and writes views taken from `queue` until none is left.
WorkerReport render_views(const RenderPlan& plan, ViewQueue& queue, bool progress) {
    WorkerReport report;
    const Expected<std::unique_ptr<OffscreenCanvas>> created =
        OffscreenCanvas::create(plan.command.width, plan.command.height, plan.catalog);
    if (!created) {
        std::cerr << "lectern: " << created.error() << '\n';
        report.ok = false;
        return report;
    }
    OffscreenCanvas& canvas = **created;
    canvas.slides().image_cache().use_decoded(&plan.pictures);
    const std::size_t slide_count = plan.deck.slides.size();
    for (std::size_t v = queue.take(); v < plan.views.size(); v = queue.take()) {
        const View& view = plan.views[v];
        canvas.draw(view.list, view.inked ? &*view.inked : nullptr);
        const std::filesystem::path file =
            std::filesystem::path(plan.command.out_dir) /
            picture_name(view.slide, view.step, build_steps(plan.deck.slides[view.slide]), slide_count);
        if (const Expected<void> saved = canvas.save_png(file); !saved) {
            std::cerr << "\nlectern: cannot write " << file.string() << ": " << saved.error() << '\n';
            report.ok = false;
            return report;
        }
        ++report.written;
        if (progress)
            std::cerr << "\rrendering slide " << view.slide + 1 << " of " << slide_count << std::flush;
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

Expected<Worker> start_worker(const RenderPlan& plan, ViewQueue& queue) {
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
        const WorkerReport report = render_views(plan, queue, false);
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

    // Fonts are found, views composed and pictures decoded once, here, before any worker starts. Then one
    // process a core, each with its own renderer, caches and canvas, takes views one at a time: nothing
    // is shared that is written, so nothing needs a lock (SDL_ttf and FreeType are not made for threads
    // sharing fonts). Every picture is decoded before the first fork.
    FontCatalog catalog(font_families_of(deck)); // the deck's own language picks faces, as when presenting
    const RenderPlan plan = plan_render(deck, command, ink ? &*ink : nullptr, catalog, first, last);
    ViewQueue queue;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers =
        queue.shared() ? std::clamp<std::size_t>(plan.views.size() / 4, 1, std::min<std::size_t>(cores, 8))
                       : 1;
    std::vector<Worker> helpers;
    for (std::size_t k = 1; k < workers; ++k) {
        Expected<Worker> started = start_worker(plan, queue);
        if (!started) {
            std::cerr << "lectern: " << started.error() << " (drawing on fewer cores)\n";
            break;
        }
        helpers.push_back(std::move(*started));
    }
    WorkerReport own = render_views(plan, queue, isatty(STDERR_FILENO) != 0);
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
