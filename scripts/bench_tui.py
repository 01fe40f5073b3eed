#!/usr/bin/env python3
"""Terminal UI benchmarks (run by scripts/bench.sh; prints figures, asserts nothing).

On a database of 100,000 tasks, with ytq in tmux: time to the first full screen, resident
memory, wake-ups per second and CPU while idle, and CPU with 10 downloads reporting progress
(measured once all ten are under way: ten yt-dlp starting take seconds of their own).
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

import seed_tasks
from proc_stats import cpu_seconds, rss_mib, switches, switches_between, thread_cpu_seconds, wait_until_downloading

ytq, repo = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="ytq-bench-tui-")
socket = f"ytq-bench-{os.getpid()}"
env = dict(os.environ, YTQ_DB=os.path.join(work, "ytq.sqlite"), YTQ_DOWNLOAD_DIR=os.path.join(work, "dl"),
           YTQ_CONFIG=os.path.join(work, "none.toml"), TERM="xterm-256color")

def tmux(*args):
    return subprocess.run(["tmux", "-L", socket, *args], env=env, capture_output=True, text=True).stdout

def ytq_pid():
    pane = tmux("list-panes", "-t", "b", "-F", "#{pane_pid}").strip()
    return int(pane)

server = None
try:
    subprocess.run([ytq, "list"], env=env, capture_output=True, check=True)
    seed_tasks.seed(env["YTQ_DB"], 100_000)
    # 31 starts: on this 2-core machine one start varies by ±20 ms; the medians of 15 still
    # moved by 14 ms from one run to the next.
    firsts = []
    for _ in range(31):
        start = time.monotonic()
        tmux("new-session", "-d", "-s", "b", "-x", "120", "-y", "40", "exec " + ytq)
        while "100000 tasks" not in tmux("capture-pane", "-p", "-t", "b"):
            time.sleep(0.002)
        firsts.append((time.monotonic() - start) * 1000)
        pid = ytq_pid()
        rss = rss_mib(pid)
        tmux("kill-server"); time.sleep(0.2)
    print(f"first full screen (tmux start to the page of 100,000 tasks drawn, header count included): median {statistics.median(firsts):.0f} ms "
          f"({min(firsts):.0f}–{max(firsts):.0f} ms over {len(firsts)} starts; includes starting tmux); resident memory {rss:.1f} MiB")

    tmux("new-session", "-d", "-s", "b", "-x", "120", "-y", "40", "exec " + ytq)
    time.sleep(2)
    pid = ytq_pid()
    s0, c0 = switches(pid), cpu_seconds(f"/proc/{pid}/stat")
    time.sleep(10)
    s1, c1 = switches(pid), cpu_seconds(f"/proc/{pid}/stat")
    print(f"idle: {switches_between(s0, s1) / 10:.1f} wake-ups/s (context switches of all threads), CPU {(c1 - c0) / 10 * 100:.2f}% of a core, "
          f"resident {rss_mib(pid):.1f} MiB")

    server = subprocess.Popen([sys.executable, os.path.join(repo, "Tests", "Fixtures", "media_server.py"), "--rate", "300000"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    for i in range(10):
        subprocess.run([ytq, "add", f"http://127.0.0.1:{port}/media/b{i}.mp4?size=50000000", "--per-user-limit", "10"],
                       env=env, capture_output=True, check=True)
    # The steady state: every download under way (ten Python start-ups on 2 cores take seconds).
    running = wait_until_downloading(lambda: json.loads(subprocess.run(
        [ytq, "list", "--json", "--status", "downloading"], env=env, capture_output=True, text=True).stdout or "[]"), 10)
    c0 = cpu_seconds(f"/proc/{pid}/stat"); s0 = switches(pid); v0 = switches(pid, True); u0 = thread_cpu_seconds(pid, "ytq-ui")
    time.sleep(10)
    c1 = cpu_seconds(f"/proc/{pid}/stat"); s1 = switches(pid); v1 = switches(pid, True); u1 = thread_cpu_seconds(pid, "ytq-ui")
    print(f"{running} downloads reporting progress: ytq (UI + scheduler + parsing) CPU {(c1 - c0) / 10 * 100:.1f}% of a core, "
          f"{switches_between(s0, s1) / 10:.0f} wake-ups/s (context switches; {switches_between(v0, v1) / 10:.0f}/s voluntary), resident {rss_mib(pid):.1f} MiB; "
          f"the UI thread alone (events, list reloads, rendering, curses) {(u1 - u0) / 10 * 100:.1f}% of a core")
finally:
    tmux("kill-server")
    if server:
        server.stdin.close(); server.terminate(); server.wait()
    subprocess.run(["pkill", "-f", work], capture_output=True)
    shutil.rmtree(work, ignore_errors=True)
