#include "check_command.h"

#include "core/deck_loader.h"
#include "core/slide_composer.h"
#include "render/font_catalog.h"
#include "render/image_cache.h"
#include "render/sdl_text_measurer.h"

#include <memory>

namespace lectern {

int run_check(std::span<const std::string> deck_paths, std::ostream& out, std::ostream& summary) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    // Text is measured with the fonts the presentation will use, so "does not fit" means what it says.
    std::unique_ptr<FontCatalog> catalog;
    DeckLoadOptions options;
    options.check_image = picture_decode_problem;
    for (const std::string& path : deck_paths) {
        DeckLoadResult result = load_deck_file(path, options);
        if (result.deck) {
            const FontFamilies families{result.deck->theme.body_font, result.deck->theme.heading_font};
            if (!catalog || catalog->families().body != families.body ||
                catalog->families().heading != families.heading)
                catalog = std::make_unique<FontCatalog>(families);
            SdlTextMeasurer measurer(*catalog);
            for (Diagnostic& warning : check_text_fits(*result.deck, path, measurer))
                result.diagnostics.push_back(std::move(warning));
            sort_by_position(result.diagnostics);
        }
        for (const Diagnostic& diagnostic : result.diagnostics)
            out << format_diagnostic(diagnostic) << '\n';
        errors += count_of(result.diagnostics, Severity::Error);
        warnings += count_of(result.diagnostics, Severity::Warning);
        if (result.deck)
            summary << path << ": " << result.deck->slides.size()
                    << (result.deck->slides.size() == 1 ? " slide, " : " slides, ")
                    << (has_errors(result.diagnostics) ? "not usable" : "ready to present") << '\n';
    }
    summary << "checked " << deck_paths.size() << (deck_paths.size() == 1 ? " deck: " : " decks: ") << errors
            << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << '\n';
    out.flush();
    return errors == 0 ? 0 : 1;
}

} // namespace lectern
