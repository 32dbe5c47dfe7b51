#!/usr/bin/env python3
"""The voter page in a real headless Chromium, against the real lectern presenting under Xvfb.

Joins from the address lectern prints, waits for a question, votes, changes the vote, sees the result
after the teacher reveals it (R), answers several-choice and written questions, uses shared-tablet
mode, and checks the page's accessibility basics. Chromium is driven through chromedriver's WebDriver
HTTP interface with Python's standard library only (nothing to download).

Usage: voter_page_test.py LECTERN_BINARY DECK
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_kit import (WebDriver, fail, other_site, present_with_chromedriver, require_tools,  # noqa: E402
                         screenshot_png, wait_for_title, x_session)


def qr_on_screen(env, workdir):
    """What a phone camera pointed at the screen reads: the QR code decoded by zbarimg, or None."""
    picture = os.path.join(workdir, "screen.png")
    screenshot_png(env, picture)
    found = subprocess.run(["zbarimg", "--quiet", "--raw", picture], capture_output=True, text=True)
    return found.stdout.strip() or None


def main():
    lectern, deck = sys.argv[1], sys.argv[2]
    require_tools("Xvfb", "xdotool", "chromedriver", "xwd", "zbarimg")
    with x_session("lectern-browser-") as (env, workdir, processes):
        show, address, key, driver_port = present_with_chromedriver(env, processes, lectern, deck)
        # Joining as a class does: from the QR code on the join slide.
        scanned = None
        for _ in range(50):
            scanned = qr_on_screen(env, workdir)
            if scanned:
                break
            time.sleep(0.2)
        if scanned != address:
            fail("the join slide's QR code reads %r, not the address %r" % (scanned, address))
        browser = WebDriver(driver_port)
        try:
            run(browser, scanned, key, lambda: qr_on_screen(env, workdir))
        finally:
            browser.quit()
        show.send_signal(signal.SIGTERM)
        show.wait(timeout=20)
        print("voter page: joined, voted, changed, saw results, answered in words, shared mode: all as expected")


OTHER_SITE_PAGE = """<!doctype html><html><head><title>games</title></head><body>
<form id="form" method="POST" action="%(vote)s" enctype="text/plain" target="sink">
<input name='{"poll": "%(poll)s", "choices": [3], "x": "' value='"}'></form>
<iframe name="sink"></iframe>
<script>
var body = JSON.stringify({poll: "%(poll)s", choices: [3]});
var tries = [
  fetch("%(vote)s", {method: "POST", mode: "no-cors", credentials: "include",
                     headers: {"Content-Type": "text/plain"}, body: body}),
  fetch("%(vote)s", {method: "POST", credentials: "include",
                     headers: {"Content-Type": "application/json"}, body: body}),
  fetch("%(vote)s", {method: "POST", mode: "no-cors", credentials: "include", body: new Blob([body])})
];
document.getElementById("form").submit();
Promise.allSettled(tries).then(function () { setTimeout(function () { document.title = "tried"; }, 1000); });
</script></body></html>"""


def other_site_tries_to_vote(browser, address, poll):
    """Serves a page from another site (127.0.0.2, another port) that posts votes to lectern from the
    pupil's browser: fetch with text/plain and JSON bodies, and a text/plain form (a classic CSRF)."""
    vote = address.replace("/?room=", "/api/vote?room=")
    page = (OTHER_SITE_PAGE % {"vote": vote, "poll": poll}).encode()
    with other_site(page) as url:
        browser.go(url)
        wait_for_title(browser, "tried")
    return "fetch as text/plain, as JSON and as a blob, and a text/plain form"

def run(browser, address, key, scan):
    # Joining: the join slide is on screen, so the page waits for a question.
    browser.go(address)
    browser.wait_text("#heading", "Waiting for the next question")
    browser.wait_text("#connection", "Connected")
    if "Childline on 0800 1111" not in browser.text("footer"):
        fail("the Childline line is missing")

    # Accessibility basics (WCAG 2.1 AA): language, names for every control, large targets, live status.
    if browser.js("return document.documentElement.lang") != "en":  # the deck's language
        fail("the page does not say its language")
    if browser.js("return document.getElementById('result').getAttribute('aria-live')") != "polite":
        fail("vote confirmations are not announced to screen readers")

    # A quiz opens: the question and one large button per option arrive by themselves (SSE).
    key("Right")
    browser.wait_text("#question", "safe to share")
    # The question slide's join strip has a QR code too, for whoever joins late.
    if scan() != address:
        fail("the question slide's QR code does not read as the join address")
    sizes = browser.js("return Array.from(document.querySelectorAll('#answers button')).map("
                       "function (b) { var r = b.getBoundingClientRect(); return [r.width, r.height, b.innerText]; })")
    if len(sizes) != 3:
        fail("expected 3 option buttons, got %r" % sizes)
    for width, height, label in sizes:
        if height < 44 or width < 44 or not label.strip():
            fail("an option button is too small or unnamed: %r" % [width, height, label])

    browser.click("#answers li:nth-child(1) button")
    browser.wait_text("#result", "Your answer was counted")
    browser.click("#answers li:nth-child(2) button")
    browser.wait_text("#result", "Changed: your new answer was counted")
    if browser.js("return document.querySelector('#answers li:nth-child(2) button').getAttribute('aria-pressed')") != "true":
        fail("the chosen answer is not marked for screen readers")

    # The teacher reveals: the page shows the totals and the right answer.
    key("r")
    browser.wait_text("#answers", "the right answer")
    results = browser.text("#answers")
    if not re.search(r"Your favourite film.*\(your answer\)", results, re.S) or "1 answer, 100%" not in results:
        fail("the results are not as voted: %r" % results)

    # A page on another site, opened in the same browser, tries every way to vote with the pupil's cookie.
    state_url = address.replace("/?room=", "/api/state?room=")
    before = json.loads(urllib.request.urlopen(state_url, timeout=5).read())["poll"]
    tried = other_site_tries_to_vote(browser, address, before["id"])
    after = json.loads(urllib.request.urlopen(state_url, timeout=5).read())["poll"]
    if after["results"] != before["results"]:
        fail("a page on another site changed the votes (%s): %r -> %r" % (tried, before["results"], after["results"]))
    browser.go(address)
    browser.wait_text("#answers", "the right answer")

    # Several choices: tick two, send.
    key("Right")
    browser.wait_text("#question", "Which apps")
    browser.click("#answers li:nth-child(1) input")
    browser.click("#answers li:nth-child(2) input")
    browser.click("#answers button.send")
    browser.wait_text("#result", "Your answer was counted")

    # The Wi-Fi drops while a pupil changes their answer: the page says so, and sends it once it is back.
    browser.offline(True)
    browser.click("#answers li:nth-child(3) input")
    browser.click("#answers button.send")
    browser.wait_text("#result", "waiting for the network")
    browser.offline(False)
    browser.wait_text("#result", "Changed: your new answer was counted", timeout=15)

    # A written answer; the reminder about personal details is there.
    key("Right")
    browser.wait_text("#question", "One word")
    if "no names or personal details" not in browser.text("#answers"):
        fail("the written answer has no reminder about personal details")
    browser.type("#words", "kindness")
    browser.click("#answers button.send")
    browser.wait_text("#result", "sent to your teacher")

    # Shared tablet: after each answer the page takes a new device token, so the next pupil counts too.
    key("Left")
    key("Left")
    key("r")  # the quiz's results were showing: hide them, and voting goes on
    browser.go(address + "&shared=1")
    browser.wait_text("#question", "safe to share")
    browser.click("#answers li:nth-child(3) button")
    browser.wait_text("#result", "ready for the next person")
    browser.click("#answers li:nth-child(3) button")
    browser.wait_text("#result", "ready for the next person")
    key("r")
    browser.wait_text("#answers", "the right answer")
    state = json.loads(urllib.request.urlopen(address.replace("/?room=", "/api/state?room="), timeout=5).read())
    counts = state["poll"].get("results")
    if counts != [0, 1, 2]:
        fail("expected totals [0, 1, 2] after two shared-tablet votes, got %r" % counts)


if __name__ == "__main__":
    main()
