#include "problems.h"

namespace lectern {

namespace {

std::size_t index_of(ProblemSource source) {
    return static_cast<std::size_t>(source);
}

} // namespace

void Problems::set(ProblemSource source, std::vector<std::string> messages) {
    std::erase(messages, std::string());
    m_messages[index_of(source)] = std::move(messages);
}

void Problems::set(ProblemSource source, std::string message) {
    std::vector<std::string> messages;
    messages.push_back(std::move(message));
    set(source, std::move(messages));
}

void Problems::set(ProblemSource source, const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> messages;
    for (const Diagnostic& diagnostic : diagnostics)
        messages.push_back(format_diagnostic(diagnostic));
    set(source, std::move(messages));
}

const std::vector<std::string>& Problems::of(ProblemSource source) const {
    return m_messages[index_of(source)];
}

std::vector<std::string> Problems::all() const {
    std::vector<std::string> all;
    for (const std::vector<std::string>& messages : m_messages)
        all.insert(all.end(), messages.begin(), messages.end());
    return all;
}

std::size_t Problems::count() const {
    std::size_t count = 0;
    for (const std::vector<std::string>& messages : m_messages)
        count += messages.size();
    return count;
}

bool Problems::any_while_showing() const {
    for (const ProblemSource source :
         {ProblemSource::Reload, ProblemSource::Screen, ProblemSource::Results, ProblemSource::Voting,
          ProblemSource::Pictures, ProblemSource::School}) {
        if (!of(source).empty())
            return true;
    }
    return false;
}

} // namespace lectern
