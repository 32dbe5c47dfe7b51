#include "check_command.h"

#include "core/base/concat.h"
#include "core/compose/slide_composer.h"
#include "core/deck/deck_loader.h"
#include "render/font_catalog.h"
#include "render/picture_decoder.h"
#include "render/sdl_text_measurer.h"

#include <map>
#include <memory>

namespace lectern {

namespace {

// `check` decodes every picture for real, at the size a full-screen picture is drawn, so it finds what
// the show would: files SDL_image cannot read are errors (or warnings, as the loader says); SVGs that
// take longer than the show waits for are warnings, since they would be left out, not stop the show.
class PictureDecodeCheck {
public:
    std::string problem_of(const std::filesystem::path& path) {
        DecodedPicture decoded = decode_picture(path, 1920, 1080);
        if (!decoded.too_slow)
            return decoded.problem;
        m_too_slow[path] = decoded.problem;
        return {};
    }

    // A warning at each use of a picture that was too slow to draw.
    void add_warnings(const Deck& deck, const std::string& deck_path,
                      std::vector<Diagnostic>& diagnostics) const {
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            const std::optional<ImageRef>& image = deck.slides[i].image;
            const auto slow = image ? m_too_slow.find(image->resolved) : m_too_slow.end();
            if (slow != m_too_slow.end())
                diagnostics.push_back({deck_path, image->position, Severity::Warning,
                                       concat("image file ", in_quotes(image->path), " in slide ", i + 1,
                                              " cannot be shown: ", slow->second)});
        }
    }

private:
    std::map<std::filesystem::path, std::string> m_too_slow;
};

} // namespace

int run_check(std::span<const std::string> deck_paths, std::ostream& out, std::ostream& summary) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    // Text is measured with the fonts the presentation will use, so "does not fit" means what it says.
    std::unique_ptr<FontCatalog> catalog;
    for (const std::string& path : deck_paths) {
        PictureDecodeCheck pictures;
        DeckLoadOptions options;
        options.check_image = [&pictures](const std::filesystem::path& picture) {
            return pictures.problem_of(picture);
        };
        DeckLoadResult result = load_deck_file(path, options);
        if (result.deck) {
            pictures.add_warnings(*result.deck, path, result.diagnostics);
            const FontFamilies families = font_families_of(*result.deck);
            if (!catalog || catalog->families() != families)
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
