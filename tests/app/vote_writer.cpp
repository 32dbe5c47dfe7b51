// vote_writer: a helper for the crash test. Opens the results store for a deck (XDG_DATA_HOME comes from
// the environment), opens the poll given, then records votes from devices "device-1", "device-2", ...
// printing "ack N" on standard output after each vote the store says is on disk. The test kills it with
// SIGKILL part of the way through.
//   vote_writer DECK.toml POLL-ID CHOICES COUNT
#include "core/deck/deck_loader.h"
#include "polls/results_store.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    using namespace lectern;
    if (argc != 5) {
        std::fprintf(stderr, "usage: vote_writer DECK.toml POLL-ID CHOICES COUNT\n");
        return 2;
    }
    const DeckLoadResult loaded = load_deck_file(argv[1]);
    if (!loaded.deck) {
        std::fprintf(stderr, "vote_writer: cannot load %s\n", argv[1]);
        return 1;
    }
    Expected<StoreOpening> opening =
        ResultsStore::open(argv[1], *loaded.deck, 0, std::chrono::system_clock::now());
    if (!opening) {
        std::fprintf(stderr, "vote_writer: %s\n", opening.error().c_str());
        return 1;
    }
    const std::string poll = argv[2];
    const int choices = std::atoi(argv[3]);
    const int count = std::atoi(argv[4]);
    if (!opening->store.record(PollRecord::opened(poll)))
        return 1;
    for (int i = 1; i <= count; ++i) {
        const Expected<void> kept =
            opening->store.record(PollRecord::vote(poll, "device-" + std::to_string(i), {1 + i % choices}));
        if (!kept) {
            std::fprintf(stderr, "vote_writer: %s\n", kept.error().c_str());
            return 1;
        }
        std::printf("ack %d\n", i);
        std::fflush(stdout);
    }
    return 0;
}
