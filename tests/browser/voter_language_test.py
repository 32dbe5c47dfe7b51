#!/usr/bin/env python3
"""The voter page in the device's language, in a real headless Chromium whose Accept-Language is Polish,
against the real lectern presenting a deck in English, Polish and Urdu under Xvfb.

The page shows the Polish question and options with the big screen's letters and colours; its vote,
an Urdu device's and an English device's count into one set of results; the page's picker switches to
Urdu (right to left) and the choice survives a reload (local storage).

Usage: voter_language_test.py LECTERN_BINARY DECK
"""
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_kit import (WebDriver, fail, present_with_chromedriver, require_tools, x_session)  # noqa: E402


def api(address, path, body=None, accept_language=None):
    """A request as another device would send it (no cookie: a new device each time); (status, JSON)."""
    parts = urllib.parse.urlsplit(address)
    url = "%s://%s%s?%s" % (parts.scheme, parts.netloc, path, parts.query)
    headers = {"Content-Type": "application/json"}
    if accept_language:
        headers["Accept-Language"] = accept_language
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None,
                                     headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, json.loads(reply.read().decode())
    except urllib.error.HTTPError as error:
        return error.code, {}


def wait_js(browser, script, expected, what, timeout=15):
    deadline = time.time() + timeout
    seen = None
    while time.time() < deadline:
        seen = browser.js(script)
        if seen == expected:
            return
        time.sleep(0.1)
    fail("%s: expected %r, saw %r" % (what, expected, seen))


def run(browser, address, key):
    # A Polish browser between questions: the page's words are Polish, and the picker offers the deck's
    # languages by their own names.
    browser.go(address)
    browser.wait_text("#heading", "Czekamy na następne pytanie")
    browser.wait_text("#connection", "Połączono")
    if browser.js("return document.documentElement.lang") != "pl":
        fail("the page does not say it is in Polish")
    if "Childline: 0800 1111" not in browser.text("footer") or "childline.org.uk" not in browser.text("footer"):
        fail("the Polish Childline line lost its number or address: %r" % browser.text("footer"))
    names = browser.js("return Array.from(document.querySelectorAll('#language option')).map(o => o.textContent)")
    if names != ["English", "polski", "اردو"]:
        fail("the picker offers %r" % names)
    if browser.js("return document.getElementById('language').labels[0].textContent") != "Język":
        fail("the picker has no Polish label")

    # The question in Polish, each option with the letter and colour of the big screen.
    key("Right")
    browser.wait_text("#question", "Czy używasz QQ")
    status, state = api(address, "/api/state")
    if status != 200 or state["poll"]["question"] != "Have you used QQ?":
        fail("an English device is not asked in English: %r" % state)
    colours = state["poll"]["colours"]
    buttons = browser.js(
        "return Array.from(document.querySelectorAll('#answers button')).map(b => {"
        "  var c = b.querySelector('.chip'), s = getComputedStyle(c);"
        "  return [c.textContent, b.textContent, s.backgroundColor, s.color]; })")
    if [b[0] for b in buttons] != ["A", "B", "C"]:
        fail("the options are not lettered as on the big screen: %r" % buttons)
    if [b[1] for b in buttons] != ["ATak", "BNie", "CNie wiem"]:
        fail("the options are not in Polish: %r" % buttons)
    for (letter, _, background, ink), colour in zip(buttons, colours):
        rgb = "rgb(%d, %d, %d)" % tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        if background != rgb:
            fail("option %s's chip is %s, not the big screen's %s" % (letter, background, colour))
        if ink not in ("rgb(0, 0, 0)", "rgb(255, 255, 255)"):
            fail("option %s's letter is %s: neither black nor white" % (letter, ink))

    # One poll for every language: the Polish vote, an Urdu device's and an English device's.
    browser.click("#answers li:nth-child(1) button")
    browser.wait_text("#result", "Twoja odpowiedź została policzona")
    status, urdu = api(address, "/api/state", accept_language="ur")
    if urdu["poll"]["question"] != "کیا آپ نے QQ استعمال کیا ہے؟" or urdu["poll"]["language"] != "ur":
        fail("an Urdu device is not asked in Urdu: %r" % urdu)
    for choice, accept in ((1, "ur"), (2, "en-GB")):
        status, answer = api(address, "/api/vote", {"poll": "used-qq", "choices": [choice]}, accept)
        if status != 200:
            fail("a vote from a %s device was not counted: %d %r" % (accept, status, answer))
    key("r")  # the teacher reveals the results
    browser.wait_text("#answers", r"Odpowiedzi: 2 \(67%\)")
    for accept in ("ur", "en-GB", "pl"):
        status, state = api(address, "/api/state", accept_language=accept)
        if state["poll"].get("results") != [2, 1, 0]:
            fail("the %s device sees other results: %r" % (accept, state["poll"]))

    # The picker: Urdu, right to left, kept across a reload.
    browser.js("var s = document.getElementById('language'); s.value = 'ur';"
               "s.dispatchEvent(new Event('change', {bubbles: true}));")
    browser.wait_text("#question", "کیا آپ نے QQ")
    browser.wait_text("#hint", "نتائج")
    wait_js(browser, "return document.documentElement.dir", "rtl", "Urdu is not set right to left")
    browser.go(address)
    browser.wait_text("#question", "کیا آپ نے QQ")
    wait_js(browser, "return document.documentElement.lang", "ur", "the reloaded page forgot Urdu")
    wait_js(browser, "return document.documentElement.dir", "rtl", "the reloaded page is not right to left")
    wait_js(browser, "return document.getElementById('language').value", "ur", "the picker forgot Urdu")
    if "0800 1111" not in browser.text("footer") or "childline.org.uk" not in browser.text("footer"):
        fail("the Urdu Childline line lost its number or address")


def main():
    lectern, deck = sys.argv[1], sys.argv[2]
    require_tools("Xvfb", "xdotool", "chromedriver")
    with x_session("lectern-browser-") as (env, workdir, processes):
        show, address, key, driver_port = present_with_chromedriver(env, processes, lectern, deck)
        browser = WebDriver(driver_port, accept_language="pl")
        try:
            run(browser, address, key)
        finally:
            browser.quit()
        show.send_signal(signal.SIGTERM)
        show.wait(timeout=20)
        print("voter page in Polish, then Urdu: lettered, coloured, one set of results, choice kept")


if __name__ == "__main__":
    main()
