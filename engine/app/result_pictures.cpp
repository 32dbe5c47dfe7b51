#include "result_pictures.h"

#include "core/compose/slide_composer.h"
#include "core/polls/poll.h"
#include "render/font_catalog.h"
#include "render/offscreen_canvas.h"
#include "render/sdl_text_measurer.h"

#include <filesystem>
#include <iostream>

namespace lectern {

int write_result_pictures(const Deck& deck, const std::map<std::string, PollState>& polls,
                          const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        std::cerr << "lectern: cannot create " << dir << ": " << error.message() << '\n';
        return 1;
    }
    FontCatalog catalog(font_families_of(deck));
    SdlTextMeasurer measurer(catalog);
    const Expected<std::unique_ptr<OffscreenCanvas>> created = OffscreenCanvas::create(1920, 1080, catalog);
    if (!created) {
        std::cerr << "lectern: " << created.error() << '\n';
        return 1;
    }
    OffscreenCanvas* canvas = created->get();
    int written = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& slide = deck.slides[i];
        const auto found = polls.find(slide.id);
        if (found == polls.end())
            continue;
        // The chart as the room saw it revealed, with the final counts.
        const PollState& poll = found->second;
        PollView view;
        view.revealed = true;
        view.responses = response_count(poll);
        for (int count : total_counts(poll))
            view.counts.push_back(static_cast<float>(count));
        for (const WordCount& word : approved_words(poll))
            view.words.emplace_back(word.text, word.count);
        canvas->draw(compose_slide(deck, slide, 0, measurer, nullptr, &view).list);
        std::string name = std::to_string(i + 1);
        if (name.size() < 2)
            name.insert(0, 1, '0');
        name.append("-").append(slide.id).append(".png");
        const std::filesystem::path file = std::filesystem::path(dir) / name;
        if (const Expected<void> saved = canvas->save_png(file); !saved) {
            std::cerr << "lectern: cannot write " << file.string() << ": " << saved.error() << '\n';
            return 1;
        }
        ++written;
    }
    std::cerr << "wrote " << written << (written == 1 ? " chart" : " charts") << " to " << dir << '\n';
    return written > 0 ? 0 : 1;
}

} // namespace lectern
