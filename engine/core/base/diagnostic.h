// Diagnostic: one problem found in a file (an error or a warning), carrying where it is
// and what to do about it. Printed compiler-style so editors and CI can jump to it.
// Pure: no SDL, ImGui or network includes.
#pragma once

#include "source_position.h"

#include <span>
#include <string>
#include <vector>

namespace lectern {

enum class Severity { Warning, Error };

struct Diagnostic {
    std::string file; // as the user named it, e.g. "slides/assembly.toml"
    SourcePosition position;
    Severity severity = Severity::Error;
    std::string message; // says what is wrong and what to do

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "file:line:column: error: message" (or "file: error: message" when the position is unknown).
std::string format_diagnostic(const Diagnostic& diagnostic);

bool has_errors(std::span<const Diagnostic> diagnostics);
std::size_t count_of(std::span<const Diagnostic> diagnostics, Severity severity);

// Orders each file's diagnostics by position, files in the order they first appear, keeping the order
// of those at the same place.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

// Collects the diagnostics of one file.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string file) : m_file(std::move(file)) {}

    void error(SourcePosition position, std::string message);
    void warning(SourcePosition position, std::string message);
    void add(Diagnostic diagnostic) { m_diagnostics.push_back(std::move(diagnostic)); } // from another file

    const std::string& file() const { return m_file; }
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
    std::vector<Diagnostic> take() { return std::move(m_diagnostics); }
    bool has_errors() const { return lectern::has_errors(m_diagnostics); }

private:
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace lectern
