#include "new_command.h"

#include "core/base/concat.h"
#include "core/base/file_check.h"
#include "core/deck/deck_json_schema.h"
#include "core/deck/deck_loader.h"
#include "shared_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace lectern {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Writes `text` to a file that must not exist yet ("x": O_EXCL, so a file made meanwhile is not
// overwritten either).
Expected<void> write_new_file(const std::filesystem::path& path, std::string_view text) {
    File file(std::fopen(path.c_str(), "wx"));
    if (!file)
        return Failure{std::strerror(errno)};
    if (std::fwrite(text.data(), 1, text.size(), file.get()) != text.size() || std::fflush(file.get()) != 0)
        return Failure{std::strerror(errno)};
    return {};
}

// The schema beside the deck: written when missing, replaced when it is an older Lectern's.
Expected<void> place_schema(const std::filesystem::path& folder, std::ostream& out) {
    const std::filesystem::path path = folder / schema_file_name;
    const std::string schema = deck_json_schema();
    const Expected<std::string> existing = read_regular_file(path, deck_file_max_bytes);
    if (existing && *existing == schema)
        return {};
    std::error_code error;
    if (existing)
        std::filesystem::remove(path, error); // a schema written by another version of Lectern
    if (const Expected<void> written = write_new_file(path, schema); !written)
        return Failure{concat("cannot write ", path.string(), ": ", written.error())};
    out << (existing ? "updated " : "wrote ") << path.string()
        << ", the schema that lets your editor complete and check the keys\n";
    return {};
}

} // namespace

int run_new(const std::string& deck_path, std::string_view template_name, std::ostream& out,
            std::ostream& errors) {
    const std::optional<std::filesystem::path> shared = shared_files_folder();
    if (!shared) {
        errors << "lectern: cannot find the templates: Lectern's shared files (share/lectern beside its "
                  "bin folder) are not installed\n";
        return 1;
    }
    const std::filesystem::path template_path =
        *shared / "slides" / "templates" / concat(template_name, ".toml");
    const Expected<std::string> template_text = read_regular_file(template_path, deck_file_max_bytes);
    if (!template_text) {
        errors << "lectern: cannot read the template " << template_path.string() << ": "
               << template_text.error() << '\n';
        return 1;
    }
    const std::filesystem::path path(deck_path);
    std::error_code error;
    if (std::filesystem::symlink_status(path, error).type() != std::filesystem::file_type::not_found) {
        errors << "lectern: " << deck_path
               << " already exists; lectern new never replaces a file: choose another name\n";
        return 1;
    }
    const std::string deck = concat(schema_directive, '\n', *template_text);
    if (const Expected<void> written = write_new_file(path, deck); !written) {
        errors << "lectern: cannot write " << deck_path << ": " << written.error() << '\n';
        return 1;
    }
    const DeckLoadResult loaded = load_deck_text(deck, deck_path, path.parent_path(), {});
    const std::size_t slides = loaded.deck ? loaded.deck->slides.size() : 0;
    out << "wrote " << deck_path << ", a " << template_name << " deck of " << slides << " slides\n";
    if (const Expected<void> placed = place_schema(path.parent_path(), out); !placed)
        errors << "lectern: " << placed.error()
               << " (the deck is fine without it; editors just cannot check it)\n";
    out << "\nWhat to do next:\n"
        << "  1. Open " << deck_path << " in a text editor and change the words; the comments explain\n"
        << "     each layout. In VS Code, the Even Better TOML extension completes keys and marks\n"
        << "     mistakes as you type.\n"
        << "  2. lectern check " << deck_path << "        finds every mistake, with its line\n"
        << "  3. lectern " << deck_path << " --window     shows it in a window\n"
        << "  4. lectern render " << deck_path
        << " --pdf FILE.pdf   a PDF to share, with --handout for notes\n";
    return 0;
}

} // namespace lectern
