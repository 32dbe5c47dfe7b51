#include "answer_text.h"

#include <memory>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace lectern {

namespace {

std::u16string utf16_of(std::string_view text) {
    std::u16string out(text.size() + 1, u'\0');
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                         static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
    return out;
}

std::string utf8_of(std::u16string_view text) {
    std::string out(text.size() * 3 + 1, '\0'); // a UTF-16 unit is at most 3 bytes of UTF-8
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
    return out;
}

void append_code_point(std::u16string& out, UChar32 c) {
    if (U_IS_BMP(c)) {
        out += static_cast<char16_t>(c);
    } else {
        out += static_cast<char16_t>(U16_LEAD(c));
        out += static_cast<char16_t>(U16_TRAIL(c));
    }
}

// Calls `visit` with each code point of `text`.
template <typename Visit>
void for_each_code_point(std::u16string_view text, Visit visit) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i];
        const bool pair = U16_IS_LEAD(unit) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1]);
        // A lone surrogate is passed on as it is; ICU's functions treat it as unassigned.
        visit(pair ? 0x10000 + ((static_cast<UChar32>(unit) - 0xD800) << 10) + (text[++i] - 0xDC00)
                   : static_cast<UChar32>(unit));
    }
}

// Invisible characters a pupil can hide in an answer. Variation selectors are default-ignorable too, but
// they only choose how an emoji looks, so they stay.
bool is_invisible(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR)
        return true;
    return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) && type != U_NON_SPACING_MARK;
}

// Some characters grow many times over (U+FDFA is 18 letters in NFKC): when the first guess of the
// length is short, ICU says how long it must be, and the second call has that room.
std::u16string normalised(const UNormalizer2* normalizer, const std::u16string& text) {
    std::u16string out(text.size() * 3 + 16, u'\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = unorm2_normalize(normalizer, text.data(), static_cast<int32_t>(text.size()),
                                                out.data(), static_cast<int32_t>(out.size()), &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
            out.assign(static_cast<std::size_t>(length) + 1, u'\0');
            continue;
        }
        out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
        break;
    }
    return out;
}

struct SpoofCheckerClose {
    void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

// One checker for the process: ICU allows concurrent skeleton calls on a checker once it is set up.
const USpoofChecker* spoof_checker() {
    static const std::unique_ptr<USpoofChecker, SpoofCheckerClose> checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* opened = uspoof_open(&status);
        return std::unique_ptr<USpoofChecker, SpoofCheckerClose>(U_SUCCESS(status) ? opened : nullptr);
    }();
    return checker.get();
}

// The Latin prototype of a character of another script (Cyrillic "с" -> "c"); ASCII is left to
// answer_screen's own look-alikes, since the skeleton reads "m" as "rn" and "1" as "l".
void append_skeleton(std::u16string& out, UChar32 c) {
    std::u16string one;
    append_code_point(one, c);
    const USpoofChecker* checker = spoof_checker();
    if (c < 0x80 || !checker) {
        out += one;
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    char16_t skeleton[32];
    const int32_t length =
        uspoof_getSkeleton(checker, 0, one.data(), static_cast<int32_t>(one.size()), skeleton, 32, &status);
    if (U_FAILURE(status)) {
        out += one;
        return;
    }
    for (int32_t i = 0; i < length; ++i) // prototypes may be capitals ("в" -> "B"); judged text is lower case
        out += skeleton[i] >= u'A' && skeleton[i] <= u'Z' ? static_cast<char16_t>(skeleton[i] + 32)
                                                          : skeleton[i];
}

} // namespace

CleanedAnswer clean_written_answer(std::string_view answer) {
    std::u16string kept;
    for_each_code_point(utf16_of(answer), [&kept](UChar32 c) {
        if (u_isUWhiteSpace(c))
            kept += u' '; // no-break spaces, tabs and line breaks alike
        else if (!is_invisible(c))
            append_code_point(kept, c);
    });
    const std::size_t first = kept.find_first_not_of(u' ');
    if (first == std::u16string::npos)
        return {{}, "the answer is blank: write an answer first"};
    const std::size_t last = kept.find_last_not_of(u' ');
    return {utf8_of(std::u16string_view(kept).substr(first, last - first + 1)), {}};
}

std::string judged_form(std::string_view answer) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* folding = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2* decomposing = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status))
        return clean_written_answer(answer).text;
    // NFKC with case folding turns full-width, circled and styled letters into plain ones.
    std::u16string digits;
    for_each_code_point(
        normalised(folding, utf16_of(clean_written_answer(answer).text)), [&digits](UChar32 c) {
            if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
                digits += static_cast<char16_t>(u'0' + u_charDigitValue(c)); // Arabic-Indic, Devanagari, ...
            else
                append_code_point(digits, c);
        });
    std::u16string judged;
    for_each_code_point(normalised(decomposing, digits), [&judged](UChar32 c) {
        if (u_charType(c) != U_NON_SPACING_MARK) // accents: "fück" is "fuck"
            append_skeleton(judged, c);
    });
    return utf8_of(judged);
}

} // namespace lectern
