// RemoteInbox: the remote's requests cross from the voting server's thread to the presentation's, and
// every one is answered, even when the presentation stops with some still waiting (the voting server
// waits for each answer before it goes).
#include "app/remote_inbox.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>

using namespace lectern;

TEST_CASE("remote requests wait in the inbox, wake the loop, and are answered once taken") {
    RemoteInbox inbox;
    const RemoteHooks hooks = inbox.hooks();
    int wakes = 0;
    int applied = 0;
    std::string picture;
    // A request before the loop is ready waits; setting the wake wakes the loop for it at once.
    std::thread server([&] { hooks.command(RemoteCommand{RemoteAction::Next, 0}, [&] { ++applied; }); });
    server.join();
    inbox.wake_with([&] { ++wakes; });
    CHECK(wakes == 1);
    hooks.slide_png(true, 320, [&](Expected<std::string> png) { picture = png ? *png : "failed"; });
    CHECK(wakes == 2);

    RemoteInbox::Mail mail = inbox.take();
    REQUIRE(mail.commands.size() == 1);
    CHECK(mail.commands[0].command.action == RemoteAction::Next);
    REQUIRE(mail.pictures.size() == 1);
    CHECK(mail.pictures[0].next);
    CHECK(mail.pictures[0].width == 320);
    CHECK(applied == 0);
    mail.commands[0].applied();
    mail.pictures[0].done(std::string("png bytes"));
    CHECK(applied == 1);
    CHECK(picture == "png bytes");
    CHECK(inbox.take().commands.empty());
}

TEST_CASE("a phone asking for pictures faster than they are drawn has the extra ones refused at once") {
    RemoteInbox inbox;
    const RemoteHooks hooks = inbox.hooks();
    int refused = 0;
    for (std::size_t i = 0; i < RemoteInbox::pictures_waiting_max + 3; ++i)
        hooks.slide_png(false, 640, [&](Expected<std::string> png) { refused += png ? 0 : 1; });
    CHECK(refused == 3);
    CHECK(inbox.take().pictures.size() == RemoteInbox::pictures_waiting_max);
}

TEST_CASE("closing the inbox answers what waits and every later request, so the server never waits") {
    int applied = 0;
    int failed = 0;
    RemoteHooks hooks;
    {
        RemoteInbox inbox;
        hooks = inbox.hooks();
        hooks.command(RemoteCommand{RemoteAction::Black, 0}, [&] { ++applied; });
        hooks.slide_png(false, 640, [&](Expected<std::string> png) { failed += png ? 0 : 1; });
    } // the presentation goes with both still waiting
    CHECK(applied == 1);
    CHECK(failed == 1);
    hooks.command(RemoteCommand{RemoteAction::Next, 0}, [&] { ++applied; });
    hooks.slide_png(true, 640, [&](Expected<std::string> png) { failed += png ? 0 : 1; });
    CHECK(applied == 2);
    CHECK(failed == 2);
}
