#!/usr/bin/env python3
"""The teacher's remote in a real headless Chromium at a phone's size, against the real lectern
presenting under Xvfb.

The remote's address is on standard output and its PIN nowhere but the panel (--remote-pin fixes it for
the test). The page refuses a wrong PIN, signs in with the right one, moves the show with Next and Back,
shows the slides' pictures, the notes and the clock, opens, closes and reveals a poll, blanks the
screen, finds its way back after the Wi-Fi drops, and a page from another site, in the same browser
with the remote's cookie, cannot move the show.

Usage: remote_page_test.py LECTERN_BINARY DECK
"""
import json
import os
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_kit import (WebDriver, fail, other_site, require_tools, start_chromedriver, start_lectern,  # noqa: E402
                         wait_for_title, wait_for_window, x_session)

PIN = "246810"

OTHER_SITE_PAGE = """<!doctype html><html><head><title>games</title></head><body>
<form id="form" method="POST" action="%(command)s" enctype="text/plain" target="sink">
<input name='{"command": "last", "x": "' value='"}'></form>
<iframe name="sink"></iframe>
<script>
var body = JSON.stringify({command: "last"});
var tries = [
  fetch("%(command)s", {method: "POST", mode: "no-cors", credentials: "include",
                        headers: {"Content-Type": "text/plain"}, body: body}),
  fetch("%(command)s", {method: "POST", credentials: "include",
                        headers: {"Content-Type": "application/json"}, body: body}),
  fetch("%(state)s", {credentials: "include"}).then(function (r) { return r.text(); })
    .then(function (t) { window.stolen = t; })
];
document.getElementById("form").submit();
Promise.allSettled(tries).then(function () { setTimeout(function () { document.title = "tried"; }, 1000); });
</script></body></html>"""


def state_of(browser):
    """The remote's state as the signed-in page would fetch it (a synchronous request from the page)."""
    text = browser.js("var r = new XMLHttpRequest(); r.open('GET', '/api/remote/state', false); r.send();"
                      "return r.status + ' ' + r.responseText;")
    status, _, body = text.partition(" ")
    if status != "200":
        fail("GET /api/remote/state answered %s: %s" % (status, body))
    return json.loads(body)


def wait_state(browser, field, value, timeout=20):
    deadline = time.time() + timeout
    seen = None
    while time.time() < deadline:
        seen = state_of(browser)
        if seen.get(field) == value:
            return seen
        time.sleep(0.1)
    fail("the state's %s never became %r (last: %r)" % (field, value, seen and seen.get(field)))


def picture_loaded(browser, element_id):
    return browser.js("var i = document.getElementById(arguments[0]);"
                      "return i.complete && i.naturalWidth > 0 ? i.naturalWidth : 0;", element_id)


def run(browser, remote):
    browser.go(remote)
    browser.wait_text("#connection", "Type the PIN")

    # Accessibility basics (WCAG 2.1 AA): the page's language, a label for the PIN, names for every
    # button, targets at least 44 px high, a live status line.
    if browser.js("return document.documentElement.lang") != "en-GB":
        fail("the remote page does not say its language")
    if not browser.js("return document.querySelector('label[for=pin]') !== null"):
        fail("the PIN field has no label")
    if browser.js("return document.getElementById('connection').getAttribute('role')") != "status":
        fail("the connection line is not a live status")

    # A wrong PIN is refused, and the page says where the right one is.
    browser.type("#pin", "000000" if PIN != "000000" else "111111")
    browser.click("#signin button")
    browser.wait_text("#connection", "not the PIN")
    if not browser.js("return document.getElementById('remote').classList.contains('hidden')"):
        fail("the controls showed after a wrong PIN")

    browser.type("#pin", PIN)
    browser.click("#signin button")
    browser.wait_text("#connection", "Connected")
    browser.wait_text("#position", r"^Slide 1 of 4$")
    small = browser.js("""return Array.from(document.querySelectorAll('#remote button'))
        .filter(b => b.offsetParent !== null)
        .filter(b => b.getBoundingClientRect().height < 44 || !(b.getAttribute('aria-label') || b.innerText).trim())
        .map(b => b.outerHTML);""")
    if small:
        fail("buttons too small or without a name: %s" % small)
    if browser.js("return document.documentElement.scrollWidth > window.innerWidth + 1"):
        fail("the remote page is wider than a phone's screen")

    # Next moves the room's screen; the pictures of this slide and the next come from lectern.
    browser.click("button[data-command=next]")
    browser.wait_text("#position", r"^Slide 2 of 4$")
    wait_state(browser, "slide", 2)
    deadline = time.time() + 20
    while time.time() < deadline and not (picture_loaded(browser, "current") and picture_loaded(browser, "next")):
        time.sleep(0.2)
    if picture_loaded(browser, "current") != 640 or picture_loaded(browser, "next") != 320:
        fail("the slide pictures did not load (%r, %r)" % (picture_loaded(browser, "current"),
                                                           picture_loaded(browser, "next")))
    browser.wait_text("#next-title", "Next: Which apps have you used")
    browser.wait_text("#notes", "Ask who has shared")  # the notes, with their bold set as bold
    if browser.js("return document.querySelector('#notes strong') === null"):
        fail("the notes' bold is not shown as bold")
    if not re.match(r"^\d\d:\d\d$", browser.text("#elapsed")):
        fail("the clock shows %r" % browser.text("#elapsed"))

    # The poll on this slide: open on arrival; close it, reveal the results, open it again.
    browser.wait_text("#answers", "voting is open")
    browser.click("#voting")
    browser.wait_text("#answers", "voting is closed")
    if state_of(browser)["poll"]["open"]:
        fail("Close voting did not close the poll")
    browser.click("#reveal")
    browser.wait_text("#reveal", "Hide results")
    if not state_of(browser)["poll"]["revealed"]:
        fail("Show results did not reveal the poll")
    browser.click("#voting")
    browser.wait_text("#answers", "voting is open")

    # Black, and Black again brings the slide back.
    browser.click("#black")
    wait_state(browser, "blank", "black")
    browser.click("#black")
    wait_state(browser, "blank", "none")

    # Back, then the Wi-Fi drops and comes back: the page reconnects by itself and catches up.
    browser.click("button[data-command=previous]")
    browser.wait_text("#position", r"^Slide 1 of 4$")
    browser.offline(True)
    browser.click("button[data-command=next]")
    browser.wait_text("#connection", "Connection lost|Not sent", timeout=30)
    if browser.text("#position") != "Slide 1 of 4":
        fail("the page claims a move it could not send")
    browser.offline(False)
    browser.wait_text("#connection", "Connected", timeout=30)
    browser.click("button[data-command=next]")
    browser.wait_text("#position", r"^Slide 2 of 4$")

    # A page from another site, in this same browser (which holds the remote's cookie), tries to move
    # the show to the last slide and to read the state: nothing moves, nothing is read.
    base = remote[:-len("/remote")]
    page = (OTHER_SITE_PAGE % {"command": base + "/api/remote/command", "state": base + "/api/remote/state"})
    with other_site(page.encode()) as url:
        browser.go(url)
        wait_for_title(browser, "tried")
        stolen = browser.js("return window.stolen || ''")
        if '"notes"' in stolen:
            fail("another site read the remote's state")
    browser.go(remote)
    browser.wait_text("#connection", "Connected")
    if state_of(browser)["slide"] != 2:
        fail("a page from another site moved the show")


def main():
    lectern, deck = sys.argv[1], sys.argv[2]
    require_tools("Xvfb", "xdotool", "chromedriver")
    with x_session("lectern-remote-") as (env, workdir, processes):
        show, port = start_lectern(env, lectern, deck, "--remote-pin", PIN)
        processes.append(show)
        lines = [show.stdout.readline().strip(), show.stdout.readline().strip()]
        if not re.match(r"voting: http://127\.0\.0\.1:%d/\?room=" % port, lines[0]):
            fail("lectern did not print the voting line first; it printed %r" % lines)
        if lines[1] != "remote: http://127.0.0.1:%d/remote" % port:
            fail("lectern did not print the remote line; it printed %r" % lines)
        wait_for_window(env)
        driver, driver_port = start_chromedriver()
        processes.append(driver)
        browser = WebDriver(driver_port)
        try:
            run(browser, "http://127.0.0.1:%d/remote" % port)
        finally:
            browser.quit()
        show.send_signal(signal.SIGTERM)
        out, err = show.communicate(timeout=20)
        if PIN in out or PIN in err or PIN in "".join(lines):
            fail("the PIN was printed: it belongs on the presenter panel only")
        print("remote page: refused a wrong PIN, signed in, moved the show, ran the poll, blanked, "
              "reconnected, and kept another site out")


if __name__ == "__main__":
    main()
