// The panel's remote part in a bare ImGui frame (bare_frame.h): the address and PIN, each phone signed
// in with a way to sign it out, and the lock after too many wrong PINs with a way to lift it; and a school
// follower's switch between its leader and presenting on its own.
#include "bare_frame.h"
#include "panel/panel_parts.h"

#include <doctest/doctest.h>

#include <string>

using namespace lectern;

namespace {

std::string remote_text(const RemotePanelView& remote) {
    return test::text_of_part([&](PanelActions& actions) { draw_remote_part(remote, actions); });
}

} // namespace

TEST_CASE("the panel shows the remote's address and PIN, and each phone signed in") {
    RemotePanelView remote{"http://192.168.1.20:8750/remote", "048213", {}, false};
    remote.remotes.push_back({1, "secret-session", "192.168.1.31", 0});
    remote.remotes.push_back({3, "other-session", "192.168.1.40", 0});
    const std::string text = remote_text(remote);
    CHECK(text.find("Phone remote: http://192.168.1.20:8750/remote") != std::string::npos);
    CHECK(text.find("PIN 048213") != std::string::npos);
    CHECK(text.find("New PIN...") != std::string::npos);
    CHECK(text.find("Remote 1, from 192.168.1.31") != std::string::npos);
    CHECK(text.find("Remote 3, from 192.168.1.40") != std::string::npos);
    CHECK(text.find("Sign out") != std::string::npos);
    CHECK(text.find("secret-session") == std::string::npos); // the cookie is never shown
    CHECK(text.find("locked") == std::string::npos);
}

TEST_CASE("a locked remote says so on the panel, with a way to unlock it") {
    const std::string text = remote_text({"http://10.0.0.2:8750/remote", "111111", {}, true});
    CHECK(text.find("The remote is locked") != std::string::npos);
    CHECK(text.find("Unlock") != std::string::npos);
    CHECK(text.find("No phone is signed in.") != std::string::npos);
}

TEST_CASE("a school follower's panel says whether it follows the leader, with a button to switch") {
    PanelView view;
    CHECK(test::text_of_part([&](PanelActions& actions) { draw_school_follow_part(view, actions); }).empty());
    view.school_follow = PanelView::SchoolFollow::OnLeader;
    const std::string following =
        test::text_of_part([&](PanelActions& actions) { draw_school_follow_part(view, actions); });
    CHECK(following.find("follows the school's leader") != std::string::npos);
    CHECK(following.find("Present on my own") != std::string::npos);
    view.school_follow = PanelView::SchoolFollow::Local;
    const std::string local =
        test::text_of_part([&](PanelActions& actions) { draw_school_follow_part(view, actions); });
    CHECK(local.find("presents on its own for now") != std::string::npos);
    CHECK(local.find("Follow the leader again") != std::string::npos);
}
