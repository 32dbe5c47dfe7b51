// The Content-Security-Policy of a page built into the program (the voter page, the teacher's remote):
// nothing from elsewhere, and of inline code only the page's own <script> and <style> elements, allowed by
// their SHA-256 hashes rather than 'unsafe-inline', so text that ever reached the page as HTML (a deck's
// words, a pupil's answer) could not run even if a future change slipped and wrote it as markup.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

// `img_src`: where the page may load pictures from ("data:" for the voter page, "'self'" for the remote).
std::string page_policy(std::string_view page, std::string_view img_src);

} // namespace lectern
