#include "diagnostic.h"

#include <algorithm>

namespace lectern {

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string out = diagnostic.file;
    if (diagnostic.position.known()) {
        out +=
            ':' + std::to_string(diagnostic.position.line) + ':' + std::to_string(diagnostic.position.column);
    }
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += diagnostic.message;
    return out;
}

bool has_errors(std::span<const Diagnostic> diagnostics) {
    return count_of(diagnostics, Severity::Error) > 0;
}

std::size_t count_of(std::span<const Diagnostic> diagnostics, Severity severity) {
    return static_cast<std::size_t>(std::ranges::count_if(
        diagnostics, [severity](const Diagnostic& d) { return d.severity == severity; }));
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> files;
    for (const Diagnostic& d : diagnostics) {
        if (std::ranges::find(files, d.file) == files.end())
            files.push_back(d.file);
    }
    auto file_rank = [&files](const Diagnostic& d) {
        return std::ranges::find(files, d.file) - files.begin();
    };
    std::ranges::stable_sort(diagnostics, [&file_rank](const Diagnostic& a, const Diagnostic& b) {
        const auto rank_a = file_rank(a);
        const auto rank_b = file_rank(b);
        return rank_a != rank_b ? rank_a < rank_b : a.position < b.position;
    });
}

void DiagnosticSink::error(SourcePosition position, std::string message) {
    m_diagnostics.push_back({m_file, position, Severity::Error, std::move(message)});
}

void DiagnosticSink::warning(SourcePosition position, std::string message) {
    m_diagnostics.push_back({m_file, position, Severity::Warning, std::move(message)});
}

} // namespace lectern
