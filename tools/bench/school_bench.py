#!/usr/bin/env python3
"""A whole school at once, measured (issue 21): one leader and many followers on this machine, on a real
mosquitto broker on a loopback port of its own.

The leader runs under a private Xvfb and is driven with xdotool; the followers run headless (SDL's
offscreen driver). Every room's voting server streams its state (docs/vote-api.md, /api/events), and that
stream is how this tool sees each room: the slide it shows, and the school's totals once a poll is
revealed. Prints:
  - slide-change propagation to all followers, p50 and p99: from the leader's own state event (and from
    the key press) to the last follower's;
  - the time from the last vote acknowledged until every room shows exact school totals;
  - broker and lectern CPU and memory.
Usage: school_bench.py LECTERN [--followers N] [--devices N] [--changes N]
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    sys.exit(f"school_bench: timed out waiting for {what}")


def deck_text(slides):
    out = ['[deck]\ntitle = "School benchmark"\ntheme = "classroom"\ntransition = "none"\n']
    for i in range(1, slides + 1):
        out.append(f'[[slides]]\nlayout = "title"\ntitle = "Slide {i}"\n')
    out.append('[[slides]]\nlayout = "poll"\nid = "favourite"\nquestion = "Which do you use most?"\n'
               'options = ["QQ", "QZone", "Neither"]\n')
    return "\n".join(out)


def cpu_s(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def memory_kib(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1])
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def http(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode())
        chunks = []
        while True:
            data = s.recv(65536)
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks).decode(errors="replace")


class Room:
    """One lectern and the state its voting server streams."""

    def __init__(self, name, port):
        self.name, self.port = name, port
        self.code = None
        self.process = None
        self.log = None
        self.events = []  # (monotonic time, slide, school totals or None)
        self.lock = threading.Lock()

    def post(self, path, body, cookie=None):
        head = f"POST {path}?room={self.code} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        if cookie:
            head += f"Cookie: lectern_device={cookie}\r\n"
        head += f"Content-Type: application/json\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
        return http(self.port, head + body)

    def device(self):
        found = re.search(r"lectern_device=([0-9a-f]+)", self.post("/api/device", "{}"))
        return found.group(1) if found else None

    def vote(self, token, choice):
        answer = self.post("/api/vote", json.dumps({"poll": "favourite", "choices": [choice]}), token)
        return answer.startswith("HTTP/1.1 200")

    def follow_events(self):
        s = socket.create_connection(("127.0.0.1", self.port))
        s.sendall(f"GET /api/events?room={self.code} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode())
        buffer = b""
        while True:
            data = s.recv(65536)
            if not data:
                return
            now = time.monotonic()
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.startswith(b"data: "):
                    state = json.loads(line[6:])
                    poll = state.get("poll") or {}
                    with self.lock:
                        self.events.append((now, state["slide"], poll.get("school")))

    def first_time(self, test, since):
        with self.lock:
            for at, slide, school in self.events:
                if at >= since and test(slide, school):
                    return at
        return None

    def latest(self):
        with self.lock:
            return self.events[-1] if self.events else None


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lectern")
    parser.add_argument("--followers", type=int, default=40)
    parser.add_argument("--devices", type=int, default=30)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--reveal", choices=["after", "before"], default="after",
                        help="reveal the poll after the last vote (a lesson) or before the first (live bars)")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="lectern-school-bench-")
    processes = []

    def stop_all(*_):
        for p in processes:
            if p.poll() is None:
                p.kill()
        for p in processes:
            p.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(1)))
    try:
        run(args, scratch, processes)
    finally:
        stop_all()


def run(args, scratch, processes):
    slides = args.changes + 1
    deck = os.path.join(scratch, "school-bench.toml")
    with open(deck, "w") as f:
        f.write(deck_text(slides))

    broker_port = free_port()
    conf = os.path.join(scratch, "mosquitto.conf")
    with open(conf, "w") as f:
        f.write(f"listener {broker_port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n"
                "max_queued_messages 10000\n")
    broker = subprocess.Popen(["mosquitto", "-c", conf])
    processes.append(broker)
    time.sleep(0.3)

    display = None
    for number in range(170, 240):
        candidate = f":{number}"
        xvfb = subprocess.Popen(["Xvfb", candidate, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                                stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        if xvfb.poll() is None:
            processes.append(xvfb)
            display = candidate
            break
    if not display:
        sys.exit("school_bench: no free X display for the leader")

    url = f"mqtt://127.0.0.1:{broker_port}"
    rooms = [Room("hall", free_port())] + [Room(f"room-{i}", free_port()) for i in range(1, args.followers + 1)]
    for index, room in enumerate(rooms):
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(scratch, f"data-{room.name}"))
        os.makedirs(env["XDG_DATA_HOME"])
        command = [args.lectern, deck, "--school", url, "--room", room.name, "--port", str(room.port),
                   "--devices-per-address", "100000"]
        if index == 0:
            command.append("--lead")
            env["DISPLAY"] = display
        else:
            env.update(SDL_VIDEODRIVER="offscreen", LECTERN_ALLOW_INVISIBLE_DISPLAY="1")
        room.log = os.path.join(scratch, f"{room.name}.log")
        room.process = subprocess.Popen(command, env=env, stdout=open(room.log, "w"), stderr=subprocess.STDOUT)
        processes.append(room.process)
        if index == 0:
            time.sleep(1.0)  # the leader claims the deck first

    def read_code(room):
        with open(room.log) as f:
            found = re.search(r"voting: http://[^/]+/\?room=([A-Z0-9]+)", f.read())
        if found:
            room.code = found.group(1)
        return room.code is not None

    for room in rooms:
        if not read_code(room):
            try:
                wait_for(lambda: read_code(room), 120, f"{room.name}'s voting server")
            except SystemExit:
                print(open(room.log).read()[-2000:], file=sys.stderr)
                raise
    for room in rooms:
        threading.Thread(target=room.follow_events, daemon=True).start()
    followers = rooms[1:]
    wait_for(lambda: all(r.latest() for r in rooms), 60, "every room's state stream")
    time.sleep(1.0)
    key_env = dict(os.environ, DISPLAY=display)

    def key(name):
        subprocess.run(["xdotool", "key", name], env=key_env, check=True)

    # Slide changes: each press moves the leader one slide on; every follower must show it.
    from_key, from_leader = [], []
    for change in range(1, args.changes + 1):
        slide = change + 1
        pressed = time.monotonic()
        key("Right")
        reached = lambda r: r.first_time(lambda s, _school: s == slide, pressed)
        wait_for(lambda: all(reached(r) for r in rooms), 30, f"slide {slide} in every room")
        last = max(reached(r) for r in followers)
        from_key.append((last - pressed) * 1000)
        from_leader.append((last - reached(rooms[0])) * 1000)
        time.sleep(0.05)

    # The poll: on screen and revealed in every room; then every room's devices vote.
    key("End")
    poll_slide = slides + 1
    wait_for(lambda: all(r.latest()[1] == poll_slide for r in rooms), 30, "the poll in every room")
    if args.reveal == "before":
        key("r")
        time.sleep(1.0)
    tokens = {}
    with ThreadPoolExecutor(16) as pool:
        for room in rooms:
            tokens[room.name] = list(pool.map(lambda _: room.device(), range(args.devices)))
    if any(t is None for ts in tokens.values() for t in ts):
        sys.exit("school_bench: a room refused a new device")
    ballots = [(room, token, random.randint(1, 3)) for room in rooms for token in tokens[room.name]]
    random.shuffle(ballots)
    expected = [0, 0, 0]
    for _, _, choice in ballots:
        expected[choice - 1] += 1

    cpu_before = {p.pid: cpu_s(p.pid) for p in [broker] + [r.process for r in rooms]}
    started = time.monotonic()
    acks = []

    def cast(ballot):
        room, token, choice = ballot
        if not room.vote(token, choice):
            raise RuntimeError(f"a vote in {room.name} was refused")
        acks.append(time.monotonic())

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(cast, ballots))
    last_ack = max(acks)
    if args.reveal == "after":
        key("r")  # every room then shows the school's totals
    exact = lambda r: r.first_time(lambda _s, school: school == expected, started)
    try:
        wait_for(lambda: all(exact(r) for r in rooms), 120, f"exact school totals {expected} in every room")
    except SystemExit:
        for r in rooms:
            if not exact(r):
                print(f"{r.name}: last state {r.latest()}", file=sys.stderr)
        raise
    exact_after_ms = max(0.0, (max(exact(r) for r in rooms) - last_ack) * 1000)
    seconds = time.monotonic() - started
    cpu_after = {pid: cpu_s(pid) for pid in cpu_before}
    cpu = {pid: cpu_after[pid] - cpu_before[pid] for pid in cpu_before}

    broker_rss, broker_peak = memory_kib(broker.pid)
    leader_rss, leader_peak = memory_kib(rooms[0].process.pid)
    follower_memory = [memory_kib(r.process.pid) for r in followers]
    follower_cpu = [cpu[r.process.pid] for r in followers]
    print(f"school_bench: 1 leader, {len(followers)} followers, {args.devices} devices voting in each room "
          f"({len(ballots)} votes), on {os.cpu_count()} cores")
    print(f"slide change, leader's state -> all followers: p50 {percentile(from_leader, 0.5):.1f} ms, "
          f"p99 {percentile(from_leader, 0.99):.1f} ms (target: p99 under 100 ms) over {len(from_leader)} changes")
    print(f"slide change, key press -> all followers:      p50 {percentile(from_key, 0.5):.1f} ms, "
          f"p99 {percentile(from_key, 0.99):.1f} ms (includes xdotool and the leader's own handling)")
    print(f"school totals {expected} exact in every room {exact_after_ms:.0f} ms after the last vote was "
          f"acknowledged, revealed {args.reveal} the votes (target: under 500 ms); votes took "
          f"{(last_ack - started) * 1000:.0f} ms")
    print(f"CPU over the {seconds:.1f} s of voting: broker {cpu[broker.pid]:.2f} s, leader "
          f"{cpu[rooms[0].process.pid]:.2f} s, followers {sum(follower_cpu):.2f} s in all "
          f"(mean {sum(follower_cpu) / len(follower_cpu):.2f} s each)")
    print(f"memory: broker RSS {broker_rss / 1024:.1f} MiB (peak {broker_peak / 1024:.1f}); leader RSS "
          f"{leader_rss / 1024:.1f} MiB (peak {leader_peak / 1024:.1f}); followers (offscreen) mean RSS "
          f"{sum(m[0] for m in follower_memory) / len(follower_memory) / 1024:.1f} MiB, peak "
          f"{max(m[1] for m in follower_memory) / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
