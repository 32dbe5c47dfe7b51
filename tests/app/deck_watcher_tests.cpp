// The hot-reload watcher reads an edited deck through the same checks as `check` (issue 14): a deck
// swapped for a link to /dev/zero or for a FIFO is an error saying what it is, and the watcher goes on.
#include "app/deck_watcher.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

using namespace lectern;

namespace {

// Counts the watcher's loads and lets the test wait for the next one.
struct Loads {
    std::mutex mutex;
    std::condition_variable arrived;
    int count = 0;
    int seen() {
        const std::lock_guard lock(mutex);
        return count;
    }
    void add() {
        const std::lock_guard lock(mutex);
        ++count;
        arrived.notify_all();
    }
    bool wait_beyond(int seen) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, std::chrono::seconds(60), [&] { return count > seen; });
    }
};

// Replaces the deck as an editor saves: something made elsewhere (so that making it is not an edit of the
// watched folder) renamed over it.
void replace_deck(const std::filesystem::path& folder, const std::filesystem::path& made) {
    std::filesystem::rename(made, folder / "deck.toml");
}

std::string only_message(DeckWatcher& watcher) {
    std::optional<DeckLoadResult> result = watcher.take_result();
    REQUIRE(result);
    CHECK_FALSE(result->ok());
    REQUIRE(result->diagnostics.size() == 1);
    return result->diagnostics.front().message;
}

} // namespace

TEST_CASE("a deck replaced by a link to /dev/zero or by a FIFO while shown is an error, never read") {
    const test::TempFolder watched("watcher");
    const test::TempFolder elsewhere("watcher-workshop");
    const std::filesystem::path& folder = watched.path();
    const std::filesystem::path& workshop = elsewhere.path();
    std::ofstream(folder / "deck.toml")
        << "[deck]\ntitle = \"T\"\n[[slides]]\nlayout = \"title\"\ntitle = \"x\"\n";
    Loads loads;
    {
        DeckWatcher watcher(
            folder / "deck.toml", {}, [&loads] { loads.add(); }, 20);
        REQUIRE(watcher.watching());

        std::filesystem::create_symlink("/dev/zero", workshop / "zero");
        replace_deck(folder, workshop / "zero");
        REQUIRE(loads.wait_beyond(0));
        CHECK(
            only_message(watcher) ==
            "cannot read this deck: it is a device, not a file; a deck must be a TOML file of at most 8 MiB");

        const int seen = loads.seen();
        REQUIRE(mkfifo((workshop / "pipe").c_str(), 0600) == 0);
        replace_deck(folder, workshop / "pipe");
        REQUIRE(loads.wait_beyond(seen));
        CHECK(only_message(watcher).starts_with(
            "cannot read this deck: it is a FIFO (named pipe), not a file"));
    }
}
