#include "slide_title.h"

#include "core/text/inline_markup.h"

namespace lectern {

std::string title_of(const Slide& slide) {
    if (!slide.title.empty())
        return plain_text_of(slide.title);
    if (slide.question)
        return plain_text_of(slide.question->text);
    if (!slide.quote.empty())
        return plain_text_of(slide.quote);
    if (!slide.caption.empty())
        return plain_text_of(slide.caption);
    return std::string(name_of(slide.layout));
}

} // namespace lectern
