#include "pdf_command.h"

#include "core/compose/slide_composer.h"
#include "core/deck/deck_language.h"
#include "core/text/inline_markup.h"
#include "export/pdf_document.h"
#include "render/font_catalog.h"
#include "render/sdl_text_measurer.h"
#include "render_command.h"

#include <iostream>
#include <unistd.h>

namespace lectern {

int run_pdf_export(CommandLine command) {
    int exit_code = 0;
    const std::optional<Deck> loaded = load_deck_to_render(command, exit_code);
    if (!loaded)
        return exit_code;
    const Deck deck = deck_in_language(*loaded, command.language);
    const auto compose = [&](std::size_t slide, std::size_t step, TextMeasurer& measurer) {
        const std::optional<SecondLanguage> second =
            command.dual.empty() ? std::nullopt
                                 : std::optional(second_language(loaded->slides[slide], command.dual));
        return compose_slide(deck, deck.slides[slide], step, measurer, nullptr, nullptr,
                             second ? &*second : nullptr)
            .list;
    };
    FontCatalog catalog(font_families_of(*loaded)); // the deck's own language picks faces, as when presenting
    SdlTextMeasurer measurer(catalog);
    const std::size_t first = command.slide ? static_cast<std::size_t>(*command.slide - 1) : 0;
    const std::size_t last = command.slide ? first + 1 : deck.slides.size();
    const DisplayList sample = compose(first, 0, measurer);

    const PdfDetails details{plain_text_of(deck.info.title), plain_text_of(deck.info.author),
                             deck.info.language};
    const Expected<std::unique_ptr<PdfDocument>> created =
        PdfDocument::create(command.pdf_file, command.handout ? PdfLayout::Handout : PdfLayout::SlidePerPage,
                            sample.width, sample.height, details, catalog);
    if (!created) {
        std::cerr << "lectern: " << created.error() << '\n';
        return 1;
    }
    const std::unique_ptr<PdfDocument>& document = *created;
    const bool on_terminal = isatty(STDERR_FILENO) != 0;
    for (std::size_t i = first; i < last; ++i) {
        const Slide& slide = deck.slides[i];
        const std::size_t steps = build_steps(slide);
        for (std::size_t step = command.every_step ? 0 : steps - 1; step < steps; ++step)
            document->add_slide(compose(i, step, measurer), slide.notes);
        if (on_terminal)
            std::cerr << "\rexporting slide " << i + 1 << " of " << deck.slides.size() << std::flush;
    }
    if (on_terminal)
        std::cerr << '\n';
    if (const Expected<void> finished = document->finish(); !finished) {
        std::cerr << "lectern: cannot write " << command.pdf_file << ": " << finished.error() << '\n';
        return 1;
    }
    for (const auto& [picture, problem] : document->picture_problems())
        std::cerr << "lectern: picture " << picture.string() << " shown as a placeholder: " << problem
                  << '\n';
    std::cerr << "wrote " << document->pages() << (document->pages() == 1 ? " page" : " pages") << " to "
              << command.pdf_file << '\n';
    return 0;
}

} // namespace lectern
