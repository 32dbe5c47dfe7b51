// Helpers for the results tests: a private results folder per test, the test deck and fixed times.
#pragma once

#include "core/deck/deck_loader.h"
#include "polls/results_store.h"
#include "test_files.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace lectern::test {

// Points XDG_DATA_HOME at a fresh temporary folder, and TZ at UTC, for as long as it lives.
class TempDataHome {
public:
    TempDataHome() {
        static int count = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("lectern-app-tests-" + std::to_string(getpid()) + "-" + std::to_string(++count));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
        setenv("XDG_DATA_HOME", m_path.c_str(), 1);
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~TempDataHome() {
        std::error_code error;
        std::filesystem::remove_all(m_path, error);
        unsetenv("XDG_DATA_HOME");
    }
    TempDataHome(const TempDataHome&) = delete;
    TempDataHome& operator=(const TempDataHome&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path lectern() const { return m_path / "lectern"; }

private:
    std::filesystem::path m_path;
};

inline std::filesystem::path every_layout_path() {
    return source_dir() / "tests/decks/valid/every-layout.toml";
}

// tests/decks/valid/every-layout.toml: slides 8 to 11 are a multiple-choice poll (4 options), a quiz
// (3 options, id "phone-number"), a 7-step scale and a words slide.
inline const Deck& every_layout() {
    static const Deck deck = [] {
        DeckLoadResult result = load_deck_file(every_layout_path());
        REQUIRE(result.ok());
        return std::move(*result.deck);
    }();
    return deck;
}

inline const std::string& poll_id(std::size_t slide) {
    return every_layout().slides[slide].id;
}

// 2024-05-01 10:32:05 UTC.
inline constexpr std::int64_t lesson_time_s = 1714559525;

inline std::chrono::system_clock::time_point wall_time(std::int64_t unix_s) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(unix_s));
}

inline Expected<StoreOpening> open_store(int retention_days = 0, std::int64_t now_s = lesson_time_s) {
    return ResultsStore::open(every_layout_path(), every_layout(), retention_days, wall_time(now_s));
}

} // namespace lectern::test
