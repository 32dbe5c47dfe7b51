#include "unicode_script.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace lectern {

namespace {

template <typename Value>
struct Range {
    char32_t first;
    char32_t last;
    Value value;
};

template <typename Value, std::size_t N>
const Range<Value>* find_range(const std::array<Range<Value>, N>& table, char32_t code_point) {
    // Tables are sorted by `first` and do not overlap.
    const auto after =
        std::upper_bound(table.begin(), table.end(), code_point,
                         [](char32_t value, const Range<Value>& range) { return value < range.first; });
    if (after == table.begin()) {
        return nullptr;
    }
    const auto candidate = std::prev(after);
    return code_point <= candidate->last ? &*candidate : nullptr;
}

template <typename Value, std::size_t N>
constexpr bool sorted_and_disjoint(const std::array<Range<Value>, N>& table) {
    for (std::size_t i = 0; i < N; ++i) {
        if (table[i].last < table[i].first || (i > 0 && table[i].first <= table[i - 1].last)) {
            return false;
        }
    }
    return true;
}

using S = Script;

// Single characters and short ranges inside the blocks of `script_blocks` that belong elsewhere.
constexpr auto script_exceptions = std::to_array<Range<Script>>({
    {0x00D7, 0x00D7, S::Common},    {0x00F7, 0x00F7, S::Common},    {0x02B9, 0x02FF, S::Common},
    {0x037E, 0x037E, S::Common},    {0x0387, 0x0387, S::Common},    {0x0589, 0x0589, S::Common},
    {0x0605, 0x0605, S::Common},    {0x060C, 0x060C, S::Common},    {0x061B, 0x061C, S::Common},
    {0x061F, 0x061F, S::Common},    {0x0640, 0x0640, S::Common},    {0x064B, 0x0655, S::Inherited},
    {0x0670, 0x0670, S::Inherited}, {0x06DD, 0x06DD, S::Common},    {0x0964, 0x0965, S::Common},
    {0x0E3F, 0x0E3F, S::Common},    {0x10FB, 0x10FB, S::Common},    {0x3005, 0x3005, S::Han},
    {0x3007, 0x3007, S::Han},       {0x3021, 0x3029, S::Han},       {0x302A, 0x302D, S::Inherited},
    {0x3038, 0x303B, S::Han},       {0x3099, 0x309A, S::Inherited}, {0x30FB, 0x30FC, S::Common},
    {0xFF70, 0xFF70, S::Common},    {0xFF9E, 0xFF9F, S::Common},
});

// Blocks, sorted. Code points in no block are letters of scripts the table does not name (Other).
constexpr auto script_blocks = std::to_array<Range<Script>>({
    {0x0000, 0x0040, S::Common},    {0x0041, 0x005A, S::Latin},      {0x005B, 0x0060, S::Common},
    {0x0061, 0x007A, S::Latin},     {0x007B, 0x00A9, S::Common},     {0x00AA, 0x00AA, S::Latin},
    {0x00AB, 0x00B9, S::Common},    {0x00BA, 0x00BA, S::Latin},      {0x00BB, 0x00BF, S::Common},
    {0x00C0, 0x02FF, S::Latin},     {0x0300, 0x036F, S::Inherited},  {0x0370, 0x03FF, S::Greek},
    {0x0400, 0x052F, S::Cyrillic},  {0x0531, 0x058F, S::Armenian},   {0x0591, 0x05FF, S::Hebrew},
    {0x0600, 0x06FF, S::Arabic},    {0x0700, 0x074F, S::Syriac},     {0x0750, 0x077F, S::Arabic},
    {0x0780, 0x07BF, S::Thaana},    {0x07C0, 0x07FF, S::Nko},        {0x0860, 0x086F, S::Syriac},
    {0x0870, 0x08FF, S::Arabic},    {0x0900, 0x097F, S::Devanagari}, {0x0980, 0x09FF, S::Bengali},
    {0x0A00, 0x0A7F, S::Gurmukhi},  {0x0A80, 0x0AFF, S::Gujarati},   {0x0B00, 0x0B7F, S::Oriya},
    {0x0B80, 0x0BFF, S::Tamil},     {0x0C00, 0x0C7F, S::Telugu},     {0x0C80, 0x0CFF, S::Kannada},
    {0x0D00, 0x0D7F, S::Malayalam}, {0x0D80, 0x0DFF, S::Sinhala},    {0x0E00, 0x0E7F, S::Thai},
    {0x0E80, 0x0EFF, S::Lao},       {0x0F00, 0x0FFF, S::Tibetan},    {0x1000, 0x109F, S::Myanmar},
    {0x10A0, 0x10FF, S::Georgian},  {0x1100, 0x11FF, S::Hangul},     {0x1200, 0x139F, S::Ethiopic},
    {0x1780, 0x17FF, S::Khmer},     {0x1800, 0x18AF, S::Mongolian},  {0x1AB0, 0x1AFF, S::Inherited},
    {0x1C80, 0x1C8F, S::Cyrillic},  {0x1C90, 0x1CBF, S::Georgian},   {0x1D00, 0x1DBF, S::Latin},
    {0x1DC0, 0x1DFF, S::Inherited}, {0x1E00, 0x1EFF, S::Latin},      {0x1F00, 0x1FFF, S::Greek},
    {0x2000, 0x200B, S::Common},    {0x200C, 0x200D, S::Inherited},  {0x200E, 0x20CF, S::Common},
    {0x20D0, 0x20FF, S::Inherited}, {0x2100, 0x2BFF, S::Common},     {0x2C60, 0x2C7F, S::Latin},
    {0x2D00, 0x2D2F, S::Georgian},  {0x2DE0, 0x2DFF, S::Cyrillic},   {0x2E00, 0x2E7F, S::Common},
    {0x2E80, 0x2FDF, S::Han},       {0x2FF0, 0x3040, S::Common},     {0x3041, 0x3098, S::Hiragana},
    {0x309B, 0x309C, S::Common},    {0x309D, 0x309F, S::Hiragana},   {0x30A0, 0x30A0, S::Common},
    {0x30A1, 0x30FF, S::Katakana},  {0x3100, 0x312F, S::Bopomofo},   {0x3130, 0x318F, S::Hangul},
    {0x3190, 0x319F, S::Common},    {0x31A0, 0x31BF, S::Bopomofo},   {0x31C0, 0x31EF, S::Common},
    {0x31F0, 0x31FF, S::Katakana},  {0x3200, 0x321E, S::Hangul},     {0x321F, 0x325F, S::Common},
    {0x3260, 0x327E, S::Hangul},    {0x327F, 0x32CF, S::Common},     {0x32D0, 0x3357, S::Katakana},
    {0x3358, 0x33FF, S::Common},    {0x3400, 0x4DBF, S::Han},        {0x4DC0, 0x4DFF, S::Common},
    {0x4E00, 0x9FFF, S::Han},       {0xA640, 0xA69F, S::Cyrillic},   {0xA720, 0xA7FF, S::Latin},
    {0xA960, 0xA97F, S::Hangul},    {0xAB30, 0xAB6F, S::Latin},      {0xAC00, 0xD7FF, S::Hangul},
    {0xF900, 0xFAFF, S::Han},       {0xFB00, 0xFB06, S::Latin},      {0xFB13, 0xFB17, S::Armenian},
    {0xFB1D, 0xFB4F, S::Hebrew},    {0xFB50, 0xFDFF, S::Arabic},     {0xFE00, 0xFE0F, S::Inherited},
    {0xFE10, 0xFE1F, S::Common},    {0xFE20, 0xFE2F, S::Inherited},  {0xFE30, 0xFE6F, S::Common},
    {0xFE70, 0xFEFE, S::Arabic},    {0xFEFF, 0xFF20, S::Common},     {0xFF21, 0xFF3A, S::Latin},
    {0xFF3B, 0xFF40, S::Common},    {0xFF41, 0xFF5A, S::Latin},      {0xFF5B, 0xFF65, S::Common},
    {0xFF66, 0xFF9F, S::Katakana},  {0xFFA0, 0xFFDC, S::Hangul},     {0xFFE0, 0xFFFF, S::Common},
});

// Beyond the BMP: kana supplement, mathematical letters and digits, emoji and symbols, CJK extensions
// B to H, variation selectors supplement.
constexpr auto supplementary_blocks = std::to_array<Range<Script>>({
    {0x1B000, 0x1B000, S::Katakana},
    {0x1B001, 0x1B11F, S::Hiragana},
    {0x1D400, 0x1D7FF, S::Common},
    {0x1F000, 0x1FAFF, S::Common},
    {0x20000, 0x323AF, S::Han},
    {0xE0000, 0xE01EF, S::Inherited},
});

using B = BidiClass;

// Bidi classes that do not follow from the script alone (UnicodeData.txt, simplified), sorted.
constexpr auto bidi_exceptions = std::to_array<Range<BidiClass>>({
    {0x0009, 0x0009, B::WS},  {0x000A, 0x000D, B::WS},  {0x001C, 0x001F, B::WS},  {0x0020, 0x0020, B::WS},
    {0x0023, 0x0025, B::ET},  {0x002B, 0x002B, B::ES},  {0x002C, 0x002C, B::CS},  {0x002D, 0x002D, B::ES},
    {0x002E, 0x002F, B::CS},  {0x0030, 0x0039, B::EN},  {0x003A, 0x003A, B::CS},  {0x0085, 0x0085, B::WS},
    {0x00A0, 0x00A0, B::CS},  {0x00A2, 0x00A5, B::ET},  {0x00AD, 0x00AD, B::NSM}, {0x00B0, 0x00B1, B::ET},
    {0x00B2, 0x00B3, B::EN},  {0x00B9, 0x00B9, B::EN},  {0x0591, 0x05BD, B::NSM}, {0x05BF, 0x05BF, B::NSM},
    {0x05C1, 0x05C2, B::NSM}, {0x05C4, 0x05C5, B::NSM}, {0x05C7, 0x05C7, B::NSM}, {0x0600, 0x0605, B::AN},
    {0x0609, 0x060A, B::ET},  {0x060C, 0x060C, B::CS},  {0x0610, 0x061A, B::NSM}, {0x061C, 0x061C, B::AL},
    {0x064B, 0x065F, B::NSM}, {0x0660, 0x0669, B::AN},  {0x066A, 0x066A, B::ET},  {0x066B, 0x066C, B::AN},
    {0x0670, 0x0670, B::NSM}, {0x06D6, 0x06DC, B::NSM}, {0x06DD, 0x06DD, B::AN},  {0x06DF, 0x06E4, B::NSM},
    {0x06E7, 0x06E8, B::NSM}, {0x06EA, 0x06ED, B::NSM}, {0x06F0, 0x06F9, B::EN},  {0x0711, 0x0711, B::NSM},
    {0x0730, 0x074A, B::NSM}, {0x07A6, 0x07B0, B::NSM}, {0x07EB, 0x07F3, B::NSM}, {0x0800, 0x085F, B::R},
    {0x08D3, 0x08E1, B::NSM}, {0x08E2, 0x08E2, B::AN},  {0x08E3, 0x08FF, B::NSM}, {0x0E3F, 0x0E3F, B::ET},
    {0x1680, 0x1680, B::WS},  {0x2000, 0x200A, B::WS},  {0x200B, 0x200D, B::NSM}, {0x200E, 0x200E, B::L},
    {0x200F, 0x200F, B::R},   {0x2028, 0x2029, B::WS},  {0x202A, 0x202E, B::NSM}, {0x202F, 0x202F, B::CS},
    {0x2030, 0x2034, B::ET},  {0x2044, 0x2044, B::CS},  {0x205F, 0x205F, B::WS},  {0x2060, 0x206F, B::NSM},
    {0x2070, 0x2070, B::EN},  {0x2074, 0x2079, B::EN},  {0x207A, 0x207B, B::ES},  {0x2080, 0x2089, B::EN},
    {0x208A, 0x208B, B::ES},  {0x20A0, 0x20CF, B::ET},  {0x2212, 0x2212, B::ES},  {0x3000, 0x3000, B::WS},
    {0xFB29, 0xFB29, B::ES},  {0xFE62, 0xFE63, B::ES},  {0xFEFF, 0xFEFF, B::NSM}, {0xFF03, 0xFF05, B::ET},
    {0xFF0B, 0xFF0B, B::ES},  {0xFF0D, 0xFF0D, B::ES},  {0xFF10, 0xFF19, B::EN},  {0xFFE0, 0xFFE1, B::ET},
    {0xFFE5, 0xFFE6, B::ET},
});

// Right-to-left blocks of scripts the script table does not name (Samaritan, Mandaic, historic scripts,
// Adlam): strong R whatever their script.
constexpr auto right_to_left_planes = std::to_array<Range<BidiClass>>({
    {0x10800, 0x10FFF, B::R},
    {0x1E800, 0x1EFFF, B::R},
});

static_assert(sorted_and_disjoint(script_exceptions));
static_assert(sorted_and_disjoint(script_blocks));
static_assert(sorted_and_disjoint(supplementary_blocks));
static_assert(sorted_and_disjoint(bidi_exceptions));
static_assert(sorted_and_disjoint(right_to_left_planes));

} // namespace

Script script_of(char32_t code_point) {
    if (const auto* exception = find_range(script_exceptions, code_point)) {
        return exception->value;
    }
    if (const auto* block = find_range(script_blocks, code_point)) {
        return block->value;
    }
    if (const auto* block = find_range(supplementary_blocks, code_point)) {
        return block->value;
    }
    return Script::Other;
}

BidiClass bidi_class_of(char32_t code_point) {
    if (const auto* exception = find_range(bidi_exceptions, code_point)) {
        return exception->value;
    }
    if (find_range(right_to_left_planes, code_point) != nullptr) {
        return BidiClass::R;
    }
    switch (script_of(code_point)) {
    case Script::Common:
        return BidiClass::ON;
    case Script::Inherited:
        return BidiClass::NSM;
    case Script::Hebrew:
    case Script::Nko:
        return BidiClass::R;
    case Script::Arabic:
    case Script::Syriac:
    case Script::Thaana:
        return BidiClass::AL;
    default:
        return BidiClass::L;
    }
}

const char* iso15924_tag_of(Script script) {
    switch (script) {
    case Script::Common:
    case Script::Other:
        return "Zyyy";
    case Script::Inherited:
        return "Zinh";
    case Script::Latin:
        return "Latn";
    case Script::Greek:
        return "Grek";
    case Script::Cyrillic:
        return "Cyrl";
    case Script::Armenian:
        return "Armn";
    case Script::Hebrew:
        return "Hebr";
    case Script::Arabic:
        return "Arab";
    case Script::Syriac:
        return "Syrc";
    case Script::Thaana:
        return "Thaa";
    case Script::Nko:
        return "Nkoo";
    case Script::Devanagari:
        return "Deva";
    case Script::Bengali:
        return "Beng";
    case Script::Gurmukhi:
        return "Guru";
    case Script::Gujarati:
        return "Gujr";
    case Script::Oriya:
        return "Orya";
    case Script::Tamil:
        return "Taml";
    case Script::Telugu:
        return "Telu";
    case Script::Kannada:
        return "Knda";
    case Script::Malayalam:
        return "Mlym";
    case Script::Sinhala:
        return "Sinh";
    case Script::Thai:
        return "Thai";
    case Script::Lao:
        return "Laoo";
    case Script::Tibetan:
        return "Tibt";
    case Script::Myanmar:
        return "Mymr";
    case Script::Georgian:
        return "Geor";
    case Script::Hangul:
        return "Hang";
    case Script::Ethiopic:
        return "Ethi";
    case Script::Khmer:
        return "Khmr";
    case Script::Mongolian:
        return "Mong";
    case Script::Hiragana:
        return "Hira";
    case Script::Katakana:
        return "Kana";
    case Script::Bopomofo:
        return "Bopo";
    case Script::Han:
        return "Hani";
    }
    return "Zyyy";
}

bool is_right_to_left(Script script) {
    return script == Script::Hebrew || script == Script::Arabic || script == Script::Syriac ||
           script == Script::Thaana || script == Script::Nko;
}

bool is_default_ignorable(char32_t code_point) {
    constexpr auto ignorables = std::to_array<Range<bool>>({
        {0x00AD, 0x00AD, true},
        {0x034F, 0x034F, true},
        {0x061C, 0x061C, true},
        {0x115F, 0x1160, true},
        {0x17B4, 0x17B5, true},
        {0x180B, 0x180F, true},
        {0x200B, 0x200F, true},
        {0x202A, 0x202E, true},
        {0x2060, 0x206F, true},
        {0x3164, 0x3164, true},
        {0xFE00, 0xFE0F, true},
        {0xFEFF, 0xFEFF, true},
        {0xFFA0, 0xFFA0, true},
        {0xE0000, 0xE0FFF, true},
    });
    static_assert(sorted_and_disjoint(ignorables));
    return find_range(ignorables, code_point) != nullptr;
}

} // namespace lectern
