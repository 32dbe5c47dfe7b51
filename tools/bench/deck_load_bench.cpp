// Benchmark: load and validate a generated 1,000-slide deck (every layout, pictures included).
// Reports the fastest and median of repeated loads, and the process's peak memory.
// Usage: deck_load_bench [SLIDES] [RUNS]   (run it from a Release build: tools/bench/run.sh)
#include "core/deck/deck_loader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

std::string slide_text(std::size_t i) {
    const std::string n = std::to_string(i);
    switch (i % 8) {
    case 0:
        return "[[slides]]\nlayout = \"title\"\ntitle = \"Part " + n +
               ": staying **safe**\"\nsubtitle = \"Online\"\n"
               "notes = \"\"\"\nSay hello.\n- Ask a question\n\"\"\"\n";
    case 1:
        return "[[slides]]\nlayout = \"bullets\"\ntitle = \"Adding friends " + n +
               "\"\nbullets = [\n  \"Only add people you **know and trust** in real life\",\n"
               "  \"A friend request from a stranger is not a compliment\",\n"
               "  \"You can remove or block someone at any time\",\n]\nbuild = true\n"
               "image = \"bench-picture.png\"\nalt = \"A padlock\"\n";
    case 2:
        return "[[slides]]\nlayout = \"columns\"\ntitle = \"Safe or risky " + n +
               "\"\nleft = { heading = \"Safe\", bullets = [\"A nickname\", \"Location off\"] }\n"
               "right = { heading = \"Risky\", bullets = [\"Your school\", \"Your address\"] }\n";
    case 3:
        return "[[slides]]\nlayout = \"poll\"\nquestion = \"Which apps do you use? " + n +
               "\"\noptions = [\"QQ\", \"QZone\", \"Both\", \"Neither\"]\nmultiple = true\n";
    case 4:
        return "[[slides]]\nlayout = \"quiz\"\nid = \"quiz-" + n +
               "\"\nquestion = \"Someone asks for your number. What do you do?\"\n"
               "options = [\"Send it\", \"Say no and tell an adult\", \"Send a friend's\"]\nanswer = 2\n"
               "explain = \"Your number is personal information.\"\n";
    case 5:
        return "[[slides]]\nlayout = \"scale\"\nquestion = \"How safe do you feel? " + n +
               "\"\nlow = \"Not at all\"\nhigh = \"Very\"\nsteps = 5\n";
    case 6:
        return "[[slides]]\nlayout = \"quote\"\ntext = \"Think before you post, number " + n +
               ".\"\nby = \"A pupil\"\n";
    default:
        return "[[slides]]\nlayout = \"image\"\nimage = \"bench-picture.png\"\nalt = \"A padlock\"\ncaption "
               "= \"Slide " +
               n + "\"\n";
    }
}

// A 1x1 PNG, enough for the structural probe.
const unsigned char picture[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                                 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
                                 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
                                 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
                                 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
                                 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

} // namespace

int main(int argc, char** argv) {
    const std::size_t slides = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 30;

    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "lectern-bench";
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "bench-picture.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(picture), sizeof picture);

    std::string deck =
        "[deck]\ntitle = \"Benchmark deck\"\nduration_minutes = 60\n\n[kiosk]\nslide_seconds = 10\n\n";
    for (std::size_t i = 0; i < slides; ++i)
        deck += slide_text(i) + "\n";
    const std::filesystem::path file = folder / "bench-deck.toml";
    std::ofstream(file) << deck;

    std::vector<double> times_ms;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const lectern::DeckLoadResult result = lectern::load_deck_file(file);
        const auto end = std::chrono::steady_clock::now();
        if (!result.ok() || result.deck->slides.size() != slides) {
            std::fprintf(stderr, "bench: the generated deck did not load (%zu diagnostics)\n",
                         result.diagnostics.size());
            for (const auto& d : result.diagnostics)
                std::fprintf(stderr, "%s\n", lectern::format_diagnostic(d).c_str());
            return 1;
        }
        times_ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::ranges::sort(times_ms);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("deck_load_bench: %zu slides, %zu KiB of TOML, %d runs\n", slides, deck.size() / 1024, runs);
    std::printf("  load+validate: fastest %.2f ms, median %.2f ms, slowest %.2f ms\n", times_ms.front(),
                times_ms[times_ms.size() / 2], times_ms.back());
    std::printf("  peak memory (max RSS of the whole process): %ld KiB\n", usage.ru_maxrss);
    std::filesystem::remove_all(folder);
    return 0;
}
