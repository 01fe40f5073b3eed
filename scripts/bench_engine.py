#!/usr/bin/env python3
"""Engine benchmarks for ytq (run by scripts/bench.sh; prints figures, asserts nothing).

1. Start latency: with `ytq worker` idle, the time from `ytq add` starting to the worker's
   DownloadStarted event (target: 50 ms; includes the ~20 ms `ytq add` process itself).
2. Overhead: a 200 MB download from a loopback server through `ytq add && ytq worker
   --until-idle`, against the same yt-dlp argv run directly (target: at most 1.03x).
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

ytq, repo = sys.argv[1], sys.argv[2]
fixtures = os.path.join(repo, "Tests", "Fixtures")
work = tempfile.mkdtemp(prefix="ytq-bench-")
env = dict(os.environ, YTQ_DB=os.path.join(work, "db", "ytq.sqlite"), YTQ_DOWNLOAD_DIR=os.path.join(work, "dl"),
           YTQ_CONFIG=os.path.join(work, "none.toml"))
procs = []

def start(args, **kw):
    kw.setdefault("stdin", subprocess.DEVNULL)
    p = subprocess.Popen(args, env=env, **kw)
    procs.append(p)
    return p

try:
    # 1. Start latency, with the fake yt-dlp (finishes at once) so only ytq is measured.
    worker = start([ytq, "worker", "--json", "--yt-dlp", os.path.join(fixtures, "fake-yt-dlp.sh")],
                   stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)
    latencies = []
    for i in range(20):
        t0 = time.monotonic()
        out = subprocess.run([ytq, "add", "https://fake.test/video/success"], env=env, capture_output=True, text=True)
        task = int(out.stdout.strip())
        started = None
        for line in worker.stdout:
            event = json.loads(line)
            if event["task_id"] == task and event["event"] == "DownloadStarted" and started is None:
                started = time.monotonic() - t0
            if event["task_id"] == task and event["event"] in ("DownloadCompleted", "DownloadFailed"):
                break
        latencies.append(started * 1000)
    worker.terminate(); worker.wait()
    print(f"start latency (ytq add -> DownloadStarted in a running worker): median {statistics.median(latencies):.1f} ms, "
          f"max {max(latencies):.1f} ms over {len(latencies)} adds")

    # 2. Overhead on a 200 MB download.
    server = start([sys.executable, os.path.join(fixtures, "media_server.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    url = f"http://127.0.0.1:{port}/media/big.mp4?size=200000000"
    direct_dir, ytq_dir = os.path.join(work, "direct"), os.path.join(work, "dl")
    argv = ["yt-dlp", "--ignore-config", "--no-plugin-dirs", "--no-exec", "--no-playlist", "--abort-on-error", "--color", "never",
            "--newline", "--progress", "--progress-delta", "0.25",
            "--progress-template", 'download:{"type":"progress","p":%(progress.{status,downloaded_bytes,total_bytes,total_bytes_estimate,speed,eta,elapsed,fragment_index,fragment_count})j}',
            "--print", 'video:{"type":"info","info":%(.{id,title,ext,format_id,duration,webpage_url,extractor_key})j}',
            "--print", 'after_move:{"type":"done","filepath":%(filepath)j}',
            "--no-simulate", "-P", "home:" + direct_dir, "-P", "temp:" + os.path.join(work, "tmp"),
            "-o", "%(title).150B [%(id)s].%(ext)s", "--continue", "-f", "bv*+ba/b", "--", url]
    direct, through = [], []
    # About a second each on this machine: noise is several percent, so take 7 alternating runs.
    for _ in range(7):
        shutil.rmtree(direct_dir, ignore_errors=True)
        t0 = time.monotonic(); subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        direct.append(time.monotonic() - t0)
        shutil.rmtree(ytq_dir, ignore_errors=True)
        subprocess.run([ytq, "list"], env=env, capture_output=True)
        t0 = time.monotonic()
        subprocess.run([ytq, "add", url, "--per-user-limit", "1000"], env=env, check=True, capture_output=True)
        subprocess.run([ytq, "worker", "--until-idle"], env=env, check=True, stdout=subprocess.DEVNULL)
        through.append(time.monotonic() - t0)
    d, t = statistics.median(direct), statistics.median(through)
    print(f"200 MB loopback download: yt-dlp directly {d:.2f} s, through ytq add + worker {t:.2f} s (median of 7) = {t / d:.3f}x; "
          f"best runs {min(direct):.2f} s vs {min(through):.2f} s = {min(through) / min(direct):.3f}x")
finally:
    for p in procs:
        if p.poll() is None:
            p.terminate()
            try: p.wait(5)
            except subprocess.TimeoutExpired: p.kill()
    shutil.rmtree(work, ignore_errors=True)
