#!/usr/bin/env python3
"""Shared-queue benchmarks: `ytq serve` and its clients (run by scripts/bench.sh; prints
figures, asserts nothing).

On a database of 100,000 tasks served by `ytq serve` on a Unix socket:
1. `ytq add` as a client, a whole process (target: 30 ms);
2. the screen as a client: tmux start to the first full screen (target: 60 ms);
3. an event from the service to a client: a pause request sent, to its DownloadPaused event
   read from the event stream (target: 50 ms);
4. the idle service's wake-ups (target: 1 per second) and memory, 10 s after the last request;
5. the service's resident memory and CPU with 10 downloads running (target: 30 MiB).
"""
import glob, json, os, re, shutil, socket as sock, statistics, subprocess, sys, tempfile, time

import seed_tasks
from proc_stats import cpu_seconds, rss_mib, switches, switches_between, wait_until_downloading

ytq, repo = sys.argv[1], sys.argv[2]
fixtures = os.path.join(repo, "Tests", "Fixtures")
work = tempfile.mkdtemp(prefix="ytq-bench-serve-")
path = os.path.join(work, "run", "ytq.sock")
tmux_socket = f"ytq-bench-serve-{os.getpid()}"
env = dict(os.environ, YTQ_CONFIG=os.path.join(work, "none.toml"), YTQ_SYSTEM_CONFIG="/dev/null", TERM="xterm-256color")
client_env = dict(env, YTQ_SERVER=path)
procs = []


def start_service(*extra):
    p = subprocess.Popen([ytq, "serve", "--socket", path, "--state-dir", os.path.join(work, "state"),
                          "--per-user-limit", "1000000", "--system-limit", "10", *extra],
                         env=env, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append(p)
    while not os.path.exists(path):
        time.sleep(0.01)
    return p


def stop(p):
    p.terminate()
    p.wait()


def request(method, route, body=None):
    """One HTTP/1.1 request on the socket; the parsed JSON answer."""
    s = sock.socket(sock.AF_UNIX)
    s.connect(path)
    data = json.dumps(body).encode() if body is not None else b""
    s.sendall(f"{method} {route} HTTP/1.1\r\nHost: ytq\r\nContent-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode() + data)
    answer = b""
    while chunk := s.recv(65536):
        answer += chunk
    s.close()
    return json.loads(answer.split(b"\r\n\r\n", 1)[1] or b"null")


def tmux(*args):
    return subprocess.run(["tmux", "-L", tmux_socket, *args], env=client_env, capture_output=True, text=True).stdout


try:
    # The database, seeded as the personal benchmarks seed theirs.
    db = os.path.join(work, "state", "ytq.sqlite")
    service = start_service("--yt-dlp", os.path.join(fixtures, "fake-yt-dlp.sh"))
    stop(service)
    seed_tasks.seed(db, 100_000)
    service = start_service("--yt-dlp", os.path.join(fixtures, "fake-yt-dlp.sh"))

    print("== ytq add through the service, database of 100,000 tasks (target: 30 ms as a whole process)")
    subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "50",
                    f"env YTQ_SERVER={path} YTQ_CONFIG={env['YTQ_CONFIG']} YTQ_SYSTEM_CONFIG=/dev/null {ytq} add https://fake.test/video/success"],
                   check=True)

    # 31 starts: on this 2-core machine one start varies by ±20 ms; the medians of 15 still
    # moved by 14 ms from one run to the next.
    firsts = []
    for _ in range(31):
        t0 = time.monotonic()
        tmux("new-session", "-d", "-s", "c", "-x", "120", "-y", "40", "exec " + ytq)
        while not re.search(r"\b1000\d\d tasks", tmux("capture-pane", "-p", "-t", "c")):
            time.sleep(0.002)
        firsts.append((time.monotonic() - t0) * 1000)
        client_pid = int(tmux("list-panes", "-t", "c", "-F", "#{pane_pid}").strip())
        client_rss = rss_mib(client_pid)
        tmux("kill-server"); time.sleep(0.2)
    print(f"== the screen as a client: first full screen {statistics.median(firsts):.0f} ms median ({min(firsts):.0f}–{max(firsts):.0f} ms over "
          f"{len(firsts)} starts; tmux start to the page drawn; target 60 ms); its resident memory {client_rss:.1f} MiB")

    # 3. Event latency: a hanging fake download, paused and resumed; the stream is read raw.
    stream = sock.socket(sock.AF_UNIX)
    stream.connect(path)
    stream.sendall(b"GET /v1/events HTTP/1.1\r\nHost: ytq\r\n\r\n")
    stream.settimeout(10)
    buffered = b""

    def next_event(name):
        global buffered
        while True:
            while b"\n\n" not in buffered:
                buffered += stream.recv(65536)
            frame, buffered = buffered.split(b"\n\n", 1)
            if f"event: {name}".encode() in frame:
                return

    # The adds above left the fake's one file name in the library: a task naming it again
    # would be "already downloaded" at once, not a download to pause.
    for found in glob.glob(os.path.join(work, "**", "Fake clip*"), recursive=True):
        os.remove(found)
    task = request("POST", "/v1/tasks", {"url": "https://fake.test/video/hang"})
    next_event("DownloadProgressUpdated")
    latencies = []
    for _ in range(10):
        t0 = time.monotonic()
        request("POST", f"/v1/tasks/{task['id']}/pause")
        next_event("DownloadPaused")
        latencies.append((time.monotonic() - t0) * 1000)
        request("POST", f"/v1/tasks/{task['id']}/resume")
        next_event("DownloadProgressUpdated")
    print(f"== an event to a client: pause request to its DownloadPaused event, median {statistics.median(latencies):.1f} ms, "
          f"max {max(latencies):.1f} ms (target 50 ms)")
    request("POST", f"/v1/tasks/{task['id']}/cancel")
    stream.close()

    # Idle: once the activity's dispatch worker threads have retired (libdispatch lets an idle
    # one go after 5 s, each with a last wake-up or two), not in the tail of that activity.
    time.sleep(10)
    pid = service.pid
    s0, c0 = switches(pid), cpu_seconds(f"/proc/{pid}/stat")
    time.sleep(10)
    s1, c1 = switches(pid), cpu_seconds(f"/proc/{pid}/stat")
    print(f"== idle service: {switches_between(s0, s1) / 10:.1f} wake-ups/s (all threads; target 1), CPU {(c1 - c0) / 10 * 100:.2f}% of a core, "
          f"resident {rss_mib(pid):.1f} MiB")
    stop(service)

    # 5. Ten real downloads (yt-dlp against the loopback media server).
    media = subprocess.Popen([sys.executable, os.path.join(fixtures, "media_server.py"), "--rate", "300000"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    procs.append(media)
    port = int(media.stdout.readline())
    service = start_service()
    for i in range(10):
        request("POST", "/v1/tasks", {"url": f"http://127.0.0.1:{port}/media/s{i}.mp4?size=50000000"})
    wait_until_downloading(lambda: request("GET", "/v1/tasks?status=downloading")["tasks"], 10)
    pid = service.pid
    s0, v0, c0 = switches(pid), switches(pid, True), cpu_seconds(f"/proc/{pid}/stat")
    time.sleep(10)
    s1, v1, c1 = switches(pid), switches(pid, True), cpu_seconds(f"/proc/{pid}/stat")
    running = sum(1 for t in request("GET", "/v1/tasks?status=downloading")["tasks"])
    print(f"== the service with {running} downloads: resident {rss_mib(pid):.1f} MiB (target 30 MiB), CPU "
          f"{(c1 - c0) / 10 * 100:.1f}% of a core, {switches_between(s0, s1) / 10:.0f} wake-ups/s (context switches; {switches_between(v0, v1) / 10:.0f}/s voluntary; yt-dlp itself not counted)")
    stop(service)
finally:
    tmux("kill-server")
    for p in procs:
        if p.poll() is None:
            if p.stdin: p.stdin.close()
            p.terminate(); p.wait()
    subprocess.run(["pkill", "-f", work], capture_output=True)
    shutil.rmtree(work, ignore_errors=True)
