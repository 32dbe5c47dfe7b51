#include "deck_language.h"

#include "core/base/concat.h"
#include "core/base/header_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <tuple>
#include <unicode/locid.h>
#include <vector>

namespace lectern {

namespace {

template <class T>
void replace(T& original, const std::optional<T>& translated) {
    if (translated)
        original = *translated;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view primary_of(std::string_view tag) {
    return tag.substr(0, tag.find('-'));
}

// Chinese is written in two scripts; a tag names one by script or by region.
bool asks_traditional_chinese(std::string_view lower_tag) {
    for (std::string_view mark : {"-hant", "-tw", "-hk", "-mo"}) {
        if (lower_tag.find(mark) != std::string_view::npos)
            return true;
    }
    return false;
}

} // namespace

Slide slide_in_language(const Slide& slide, std::string_view language) {
    const auto found = std::ranges::find(slide.translations, language, &SlideTranslation::language);
    if (found == slide.translations.end())
        return slide;
    const SlideTranslation& t = *found;
    Slide out = slide;
    replace(out.title, t.title);
    replace(out.subtitle, t.subtitle);
    replace(out.bullets, t.bullets);
    replace(out.left, t.left);
    replace(out.right, t.right);
    replace(out.caption, t.caption);
    replace(out.quote, t.text);
    replace(out.quote_by, t.by);
    replace(out.notes, t.notes);
    if (out.image)
        replace(out.image->alt, t.alt);
    if (out.question) {
        replace(out.question->text, t.question);
        replace(out.question->options, t.options);
        replace(out.question->explain, t.explain);
        replace(out.question->low, t.low);
        replace(out.question->high, t.high);
    }
    return out;
}

Deck deck_in_language(const Deck& deck, std::string_view language) {
    Deck out = deck;
    out.info.language = std::string(language);
    for (Slide& slide : out.slides)
        slide = slide_in_language(slide, language);
    return out;
}

std::optional<std::string> match_language(const DeckInfo& info, std::string_view tag) {
    const std::string asked = lowercase(tag);
    if (asked.empty())
        return std::nullopt;
    for (const std::string& language : info.languages) {
        if (lowercase(language) == asked)
            return language;
    }
    const std::string_view primary = primary_of(asked);
    std::optional<std::string> same_language;
    for (const std::string& language : info.languages) {
        const std::string lower = lowercase(language);
        if (primary_of(lower) != primary)
            continue;
        if (primary == "zh" && asks_traditional_chinese(asked) != asks_traditional_chinese(lower)) {
            if (!same_language)
                same_language = language; // the other script: better than another language
            continue;
        }
        return language;
    }
    return same_language;
}

std::string language_for_header(const DeckInfo& info, std::string_view accept_language) {
    constexpr std::size_t most_ranges = 16; // a header is a few languages; more is not a browser's
    struct Range {
        std::string_view tag;
        int thousandths = 1000;
    };
    std::vector<Range> ranges;
    while (!accept_language.empty() && ranges.size() < most_ranges) {
        const std::size_t comma = accept_language.find(',');
        std::string_view item = accept_language.substr(0, comma);
        accept_language =
            comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);
        Range range;
        const std::size_t semicolon = item.find(';');
        range.tag = without_optional_space(item.substr(0, semicolon));
        if (semicolon != std::string_view::npos) {
            std::string_view q = without_optional_space(item.substr(semicolon + 1));
            if (!q.starts_with("q="))
                continue;
            q.remove_prefix(2);
            double value = 0;
            const auto [end, error] = std::from_chars(q.data(), q.data() + q.size(), value);
            if (error != std::errc{} || end != q.data() + q.size() || !(value >= 0 && value <= 1))
                continue; // also "nan", which from_chars reads and no comparison is true of
            range.thousandths = static_cast<int>(value * 1000);
        }
        if (!range.tag.empty() && range.tag != "*" && range.thousandths > 0)
            ranges.push_back(range);
    }
    std::ranges::stable_sort(ranges, std::greater<>{}, &Range::thousandths);
    for (const Range& range : ranges) {
        if (std::optional<std::string> language = match_language(info, range.tag))
            return *language;
    }
    return info.languages.empty() ? info.language : info.languages.front();
}

Expected<LanguageChoice> choose_languages(const DeckInfo& info, std::string_view language,
                                          std::string_view dual) {
    const auto listed = [&] {
        std::string names;
        for (std::size_t i = 0; i < info.languages.size(); ++i)
            names += (i == 0 ? "" : ", ") + info.languages[i];
        return names;
    };
    LanguageChoice choice{info.languages.empty() ? info.language : info.languages.front(), ""};
    for (auto [option, tag, chosen] :
         {std::tuple{"--lang", language, &choice.language}, std::tuple{"--dual", dual, &choice.second}}) {
        if (tag.empty())
            continue;
        std::optional<std::string> found = match_language(info, tag);
        if (!found) {
            return Failure{concat(option, " ", tag, ": this deck is in ", listed(),
                                  info.languages.size() > 1
                                      ? "; give one of those"
                                      : "; it has no translations (a deck lists its languages in [deck] with "
                                        "languages = [...])")};
        }
        *chosen = std::move(*found);
    }
    if (choice.second == choice.language)
        return Failure{concat("--dual ", dual, " is the language already shown; give another of ", listed())};
    return choice;
}

namespace {

// The name of `tag`'s language in `in`'s language (null: its own), from ICU's locale data.
std::string display_name(std::string_view tag, const icu::Locale* in) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale =
        icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    if (U_FAILURE(status))
        return std::string(tag);
    icu::UnicodeString name;
    locale.getDisplayName(in ? *in : locale, name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() || locale.isBogus() ? std::string(tag) : out;
}

} // namespace

std::string language_name(std::string_view tag) {
    return display_name(tag, &icu::Locale::getEnglish());
}

std::string language_own_name(std::string_view tag) {
    // A pupil picks a language, not a country: "en-GB" is "English", but "zh-Hans" keeps its script.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale =
        icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    if (U_FAILURE(status) || locale.isBogus() || *locale.getLanguage() == '\0')
        return display_name(tag, nullptr);
    std::string plain = locale.getLanguage();
    if (*locale.getScript() != '\0')
        plain += concat('-', locale.getScript());
    return display_name(plain, nullptr);
}

std::string next_language(const DeckInfo& info, std::string_view current) {
    if (info.languages.empty())
        return info.language;
    const auto found = std::ranges::find(info.languages, current);
    if (found == info.languages.end() || found + 1 == info.languages.end())
        return info.languages.front();
    return *(found + 1);
}

} // namespace lectern
