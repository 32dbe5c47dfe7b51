#include "render_command.h"

#include "core/compose/marks_composer.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "pdf_command.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>

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

std::optional<Deck> load_deck_to_render(const CommandLine& command, int& exit_code) {
    DeckLoadOptions options;
    options.picture_problems = PictureProblems::AreWarnings; // placeholders, not a refusal
    DeckLoadResult result = load_deck_file(command.decks.front(), options);
    for (const Diagnostic& diagnostic : result.diagnostics)
        std::cerr << format_diagnostic(diagnostic) << '\n';
    exit_code = 1;
    if (!result.deck)
        return std::nullopt;
    if (command.slide && static_cast<std::size_t>(*command.slide) > result.deck->slides.size()) {
        std::cerr << "lectern: the deck has " << result.deck->slides.size() << " slides; --slide "
                  << *command.slide << " is not one of them\n";
        exit_code = 2;
        return std::nullopt;
    }
    exit_code = 0;
    return std::move(result.deck);
}

int run_render(const CommandLine& command) {
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

    FontCatalog catalog(font_families_of(deck));
    SdlTextMeasurer measurer(catalog);
    const Expected<std::unique_ptr<OffscreenCanvas>> created =
        OffscreenCanvas::create(command.width, command.height, catalog);
    if (!created) {
        std::cerr << "lectern: " << created.error() << '\n';
        return 1;
    }
    OffscreenCanvas* canvas = created->get();
    int written = 0;
    const bool on_terminal = isatty(STDERR_FILENO) != 0;
    const std::size_t first = command.slide ? static_cast<std::size_t>(*command.slide - 1) : 0;
    const std::size_t last = command.slide ? first + 1 : deck.slides.size();
    for (std::size_t i = first; i < last; ++i) {
        const Slide& slide = deck.slides[i];
        const std::size_t steps = build_steps(slide);
        for (std::size_t step = 0; step < steps; ++step) {
            const DisplayList list = compose_slide(deck, slide, step, measurer).list;
            const std::vector<InkStroke>& strokes =
                ink ? ink->strokes({slide.id, step}) : std::vector<InkStroke>{};
            const DisplayList drawn = compose_ink(strokes, list, deck.theme);
            canvas->draw(list, strokes.empty() ? nullptr : &drawn);
            const std::filesystem::path file =
                std::filesystem::path(command.out_dir) / picture_name(i, step, steps, deck.slides.size());
            if (const Expected<void> saved = canvas->save_png(file); !saved) {
                std::cerr << "\nlectern: cannot write " << file.string() << ": " << saved.error() << '\n';
                return 1;
            }
            ++written;
            if (on_terminal)
                std::cerr << "\rrendering slide " << i + 1 << " of " << deck.slides.size() << std::flush;
        }
    }
    if (on_terminal)
        std::cerr << '\n';
    for (const auto& [picture, problem] : canvas->slides().picture_problems())
        std::cerr << "lectern: picture " << picture << " shown as a placeholder: " << problem << '\n';
    std::cerr << "wrote " << written << (written == 1 ? " picture" : " pictures") << " to " << command.out_dir
              << '\n';
    return 0;
}

} // namespace lectern
