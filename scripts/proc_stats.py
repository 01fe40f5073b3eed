"""What /proc says about a process, for the benchmarks: CPU time, wake-ups, resident memory."""
import os
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(stat_path):
    """utime + stime of the process or thread whose stat file this is."""
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def switches(pid, voluntary_only=False):
    """Context switches of each of the process's threads, by thread id.

    A voluntary switch is a thread going to sleep, so each is one wake-up; the involuntary ones
    are a running thread preempted (on 2 cores beside ten yt-dlp, often). Subtract two samples
    with `switches_between`: a thread that ended in between takes its count with it, so a plain
    sum could even go down."""
    counts = {}
    wanted = "voluntary_ctxt_switches" if voluntary_only else "ctxt_switches"
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            counts[tid] = sum(int(line.split()[1]) for line in open(f"/proc/{pid}/task/{tid}/status")
                              if wanted in line and (not voluntary_only or line.startswith(wanted)))
        except (FileNotFoundError, ProcessLookupError):  # the thread ended meanwhile
            pass
    return counts


def switches_between(before, after):
    """Wake-ups from `before` to `after` (two `switches` samples): of the threads in both, and
    all of the threads that started in between (those that ended are not counted)."""
    return sum(count - before.get(tid, 0) for tid, count in after.items())


def thread_cpu_seconds(pid, name):
    """CPU time of the threads called `name` (the screen's loop is "ytq-ui")."""
    total = 0.0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            if open(f"/proc/{pid}/task/{tid}/comm").read().strip() != name: continue
            total += cpu_seconds(f"/proc/{pid}/task/{tid}/stat")
        except (FileNotFoundError, ProcessLookupError):  # the thread ended meanwhile
            pass
    return total


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) / 1024


def wait_until_downloading(tasks, count, limit=120):
    """Waits until `count` of the tasks `tasks()` lists (JSON rows) have bytes, then 3 s more:
    the figures are of downloads under way, not of ten yt-dlp (Python) processes starting,
    which on 2 cores takes seconds of their own. Returns how many were downloading."""
    deadline = time.monotonic() + limit
    moving = 0
    while time.monotonic() < deadline:
        moving = sum(1 for t in tasks() if t.get("status") == "downloading" and (t.get("downloaded_bytes") or 0) > 0)
        if moving >= count:
            break
        time.sleep(0.5)
    time.sleep(3)
    return moving
