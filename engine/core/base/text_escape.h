// TextEscape: the one way control characters are written out as visible escapes, in the results log
// (poll_record.h) and wherever answers are printed on a terminal (`lectern results`), so a pupil's answer
// can never ring a bell, clear the screen or move the cursor. JSON has its own form (json_string). Pure.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

// C1 controls (U+0080 to U+009F, bytes C2 80 to C2 9F in UTF-8) are obeyed by some terminals as
// commands ("C2 9B" starts one like ESC [ does); logs keep them as they are.
enum class C1Controls { Kept, Escaped };

// Appends `text` with backslash as \\, tab as \t, line feed as \n, carriage return as \r and any other
// byte below 0x20 and 0x7F as \xHH (upper-case hex); every other byte, UTF-8 included, as it is, except
// that with C1Controls::Escaped the two bytes of a C1 control are written as \xC2\xHH.
void append_escaped_controls(std::string& out, std::string_view text, C1Controls c1 = C1Controls::Kept);

std::string escaped_controls(std::string_view text, C1Controls c1 = C1Controls::Kept);

} // namespace lectern
