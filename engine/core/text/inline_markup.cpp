#include "inline_markup.h"

namespace lectern {

namespace {

bool is_word_char(char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

// An opening `_` follows a non-word character (or the start) and precedes a non-space.
bool opens_italic(std::string_view text, std::size_t at) {
    return (at == 0 || !is_word_char(text[at - 1])) && at + 1 < text.size() && text[at + 1] != ' ';
}

// A closing `_` follows a non-space and precedes a non-word character (or the end).
bool closes_italic(std::string_view text, std::size_t at) {
    return at > 0 && text[at - 1] != ' ' && (at + 1 == text.size() || !is_word_char(text[at + 1]));
}

void append(std::vector<StyledSpan>& spans, std::string_view text, bool bold, bool italic) {
    if (text.empty())
        return;
    if (!spans.empty() && spans.back().bold == bold && spans.back().italic == italic)
        spans.back().text += text;
    else
        spans.push_back({std::string(text), bold, italic});
}

void parse_italics(std::vector<StyledSpan>& spans, std::string_view text, bool bold) {
    std::size_t done = 0;
    std::size_t at = 0;
    while ((at = text.find('_', at)) != std::string_view::npos) {
        if (!opens_italic(text, at)) {
            ++at;
            continue;
        }
        std::size_t close = at + 1;
        while ((close = text.find('_', close)) != std::string_view::npos && !closes_italic(text, close))
            ++close;
        if (close == std::string_view::npos)
            break;
        append(spans, text.substr(done, at - done), bold, false);
        append(spans, text.substr(at + 1, close - at - 1), bold, true);
        done = at = close + 1;
    }
    append(spans, text.substr(done), bold, false);
}

} // namespace

std::vector<StyledSpan> parse_inline_markup(std::string_view text) {
    std::vector<StyledSpan> spans;
    std::size_t done = 0;
    while (true) {
        const std::size_t open = text.find("**", done);
        const std::size_t close = open == std::string_view::npos ? open : text.find("**", open + 2);
        if (close == std::string_view::npos) {
            parse_italics(spans, text.substr(done), false);
            break;
        }
        parse_italics(spans, text.substr(done, open - done), false);
        parse_italics(spans, text.substr(open + 2, close - open - 2), true);
        done = close + 2;
    }
    return spans;
}

std::string plain_text_of(std::string_view text) {
    std::string plain;
    for (const StyledSpan& span : parse_inline_markup(text))
        plain += span.text;
    return plain;
}

} // namespace lectern
