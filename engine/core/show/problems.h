// Problems: the one list of what is wrong while presenting, keyed by where it comes from (the deck's
// warnings, the school's input.conf, a broken edit, the screen, pictures, results, voting, the school's
// broker). Every part of
// the presentation reports into it and replaces its own entries; the presenter panel shows the whole list
// and a kiosk's badge says when anything that arose while showing needs looking at. Pure.
#pragma once

#include "core/base/diagnostic.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace lectern {

// In the order the teacher reads them: what broke while showing first, what loading found last.
enum class ProblemSource { Reload, Screen, Results, Voting, Pictures, School, Deck, Input };
inline constexpr std::size_t problem_source_count = 8;

class Problems {
public:
    // Replaces what `source` reported before; an empty list clears it.
    void set(ProblemSource source, std::vector<std::string> messages);
    // One message; "" clears `source`.
    void set(ProblemSource source, std::string message);
    // Diagnostics as `check` prints them (file:line:column: warning: ...).
    void set(ProblemSource source, const std::vector<Diagnostic>& diagnostics);
    void clear(ProblemSource source) { set(source, std::vector<std::string>{}); }

    const std::vector<std::string>& of(ProblemSource source) const;
    // Every message, source by source in the order of ProblemSource.
    std::vector<std::string> all() const;
    std::size_t count() const;
    // Whether anything that arose while showing (not the deck's or input.conf's warnings from loading)
    // is wrong: what a kiosk, with no teacher watching, marks with its badge.
    bool any_while_showing() const;

private:
    std::array<std::vector<std::string>, problem_source_count> m_messages;
};

} // namespace lectern
