"""What the browser tests share: a headless Chromium driven through chromedriver's WebDriver HTTP
interface, an Xvfb of their own, screenshots of it as PNG, and a page served from another site.
Python's standard library only (nothing to download)."""
import contextlib
import os
import http.server
import json
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class WebDriver:
    def __init__(self, port, accept_language=None):
        """A fresh headless Chromium; `accept_language` ("pl") is the language it asks pages in."""
        self.base = "http://127.0.0.1:%d" % port
        options = {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            # A phone-sized window; --no-sandbox because CI runs as root.
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=390,844", "--no-first-run", "--disable-extensions"]}
        if accept_language:
            # The flags set the browser's own language; the preference is what its Accept-Language sends.
            options["args"] += ["--lang=" + accept_language, "--accept-lang=" + accept_language]
            options["prefs"] = {"intl.accept_languages": accept_language}
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return json.loads(reply.read().decode())["value"] if method != "DELETE" else None
        except urllib.error.HTTPError as error:
            fail("WebDriver %s %s: %s" % (method, path, error.read().decode()[:500]))

    def go(self, url):
        self.call("POST", "/session/%s/url" % self.session, {"url": url})

    def js(self, script, *args):
        return self.call("POST", "/session/%s/execute/sync" % self.session, {"script": script, "args": list(args)})

    def click(self, css):
        found = self.call("POST", "/session/%s/element" % self.session, {"using": "css selector", "value": css})
        self.call("POST", "/session/%s/element/%s/click" % (self.session, found[ELEMENT]), {})

    def type(self, css, text):
        found = self.call("POST", "/session/%s/element" % self.session, {"using": "css selector", "value": css})
        self.call("POST", "/session/%s/element/%s/value" % (self.session, found[ELEMENT]), {"text": text})

    def text(self, css):
        return self.js("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css)

    def wait_text(self, css, pattern, timeout=10):
        deadline = time.time() + timeout
        seen = None
        while time.time() < deadline:
            seen = self.text(css)
            if seen is not None and re.search(pattern, seen):
                return seen
            time.sleep(0.1)
        fail("%s never showed /%s/ (last: %r)" % (css, pattern, seen))

    def offline(self, off):
        # Chromium's own network emulation: as if the Wi-Fi dropped (or came back).
        self.call("POST", "/session/%s/chromium/network_conditions" % self.session,
                  {"network_conditions": {"offline": off, "latency": 0, "download_throughput": -1,
                                          "upload_throughput": -1}})

    def quit(self):
        self.call("DELETE", "/session/%s" % self.session)


def screenshot_png(env, path):
    """The X screen as a PNG (xwd, then a small XWD-to-PNG conversion: 24-bit TrueColor, 32 bits a pixel)."""
    xwd = subprocess.run(["xwd", "-root", "-silent"], env=env, capture_output=True, check=True).stdout
    header = struct.unpack(">25I", xwd[:100])
    header_size, width, height, row_bytes, colours = header[0], header[4], header[5], header[12], header[19]
    pixels = xwd[header_size + colours * 12:]
    rows = bytearray()
    for y in range(height):
        row = pixels[y * row_bytes:y * row_bytes + width * 4]
        rows.append(0)
        for x in range(width):
            rows += bytes((row[4 * x + 2], row[4 * x + 1], row[4 * x]))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
                  chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b""))


def start_xvfb(env):
    """An X server of our own (1280x720): if a display number is taken, that Xvfb exits at once and the
    next is tried. Sets env["DISPLAY"]; returns the process."""
    for offset in range(20):
        display = ":%d" % (200 + (os.getpid() + offset * 37) % 300)
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        if server.poll() is None:
            env["DISPLAY"] = display
            return server
    fail("no free X display for Xvfb")


def wait_for_window(env, name="Lectern"):
    """The X window id of lectern's window, once it has appeared."""
    for _ in range(200):
        window = subprocess.run(["xdotool", "search", "--name", name], env=env, capture_output=True,
                                text=True).stdout.split()
        if window:
            return window[0]
        time.sleep(0.1)
    fail("lectern's window never appeared")


def require_tools(*tools):
    for tool in tools:
        if not shutil.which(tool):
            fail("%s is not installed: run tools/setup.sh" % tool)


def start_lectern(env, lectern, deck, *extra):
    """lectern presenting `deck` in a window on env's X display, voting on a free port of 127.0.0.1:
    (process, port). Its standard output is a pipe: the addresses it prints come first."""
    port = free_port()
    show = subprocess.Popen([lectern, deck, "--window", "--port", str(port), "--bind", "127.0.0.1"] + list(extra),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return show, port


def voting_address(show, port):
    """The voter page's address, from lectern's first line ("voting: http://...?room=CODE")."""
    line = show.stdout.readline()
    match = re.match(r"voting: (http://127\.0\.0\.1:%d/\?room=([A-Z0-9]{4}))$" % port, line.strip())
    if not match:
        fail("lectern did not print the voting line; it printed %r" % line)
    return match.group(1)


def present_with_chromedriver(env, processes, lectern, deck):
    """lectern presenting `deck` with voting on, and a chromedriver, both added to `processes`:
    (lectern's process, the voting address, a function pressing keys in its window, chromedriver's port)."""
    show, port = start_lectern(env, lectern, deck)
    processes.append(show)
    address = voting_address(show, port)
    key = xdotool_keys(env, wait_for_window(env))
    driver, driver_port = start_chromedriver()
    processes.append(driver)
    return show, address, key, driver_port


def xdotool_keys(env, window):
    """A function pressing one key (xdotool's name for it) in lectern's window."""
    def key(name):
        subprocess.run(["xdotool", "key", "--window", window, name], env=env, check=True)
    return key


def start_chromedriver():
    """chromedriver on a free loopback port, once it answers: (process, port)."""
    port = free_port()
    process = subprocess.Popen(["chromedriver", "--port=%d" % port],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/status" % port, timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    return process, port


@contextlib.contextmanager
def other_site(page):
    """Serves `page` (bytes of HTML) from another site, 127.0.0.2 on a port of its own; yields its URL."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.2", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.2:%d/" % server.server_address[1]
    finally:
        server.shutdown()


def wait_for_title(browser, title, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline and browser.js("return document.title") != title:
        time.sleep(0.2)


@contextlib.contextmanager
def x_session(prefix):
    """An Xvfb of its own and a fresh data and settings folder: yields (env, workdir, processes); the
    processes a test adds to the list are stopped, newest first, and the folder removed at the end."""
    processes = []
    workdir = tempfile.mkdtemp(prefix=prefix)
    env = dict(os.environ, XDG_DATA_HOME=workdir, XDG_CONFIG_HOME=workdir)
    try:
        processes.append(start_xvfb(env))
        yield env, workdir, processes
    finally:
        stop_all(processes)
        shutil.rmtree(workdir, ignore_errors=True)


def stop_all(processes):
    """Stops what a test started, newest first: politely, then firmly."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
