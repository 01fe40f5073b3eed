#!/usr/bin/env python3
"""Regenerates packaging/ytq.order, the order in which the linker lays out ytq's functions
(lld --symbol-ordering-file; `make build` passes it). Run by hand after large changes:

    python3 scripts/symbol_order.py .build/x86_64-unknown-linux-gnu/release/ytq

It needs valgrind (apt-get install valgrind) and tmux, and takes about a minute.

Why: the kernel maps a program's code in 64 KiB runs around each page it first touches. Laid
out as compiled, the few functions a ytq process runs are spread over most of its 30 MB of code,
so ytq serve held about 19 MiB of it resident. Laid out in the order below, the functions each
kind of process runs sit together.

How: each kind of process (the service and its clients, the screen, the command line, the
worker) runs its common paths once under callgrind, against a fake yt-dlp; a function's place
depends on which kinds ran it: those every kind runs first, then those fewer kinds share, each
kind's own last. Only names go in the file: a function renamed since is laid out as compiled
(the link ignores names it does not find).
"""
import collections, glob, os, re, shutil, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1])
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fake = os.path.join(repo, "Tests", "Fixtures", "fake-yt-dlp.sh")
work = tempfile.mkdtemp(prefix="ytq-order-")
# valgrind cannot read the DWARF 5 the toolchain writes: a copy without it keeps the names.
traced = os.path.join(work, "ytq")
subprocess.run(["strip", "--strip-debug", "-o", traced, binary], check=True)
tmux_socket = f"ytq-order-{os.getpid()}"
kinds = ["service", "client", "screen", "command"]


def under_callgrind(kind, arguments):
    return ["valgrind", "--tool=callgrind", "--demangle=no", "--dump-instr=no",
            f"--callgrind-out-file={work}/cg.{kind}.%p", traced, *arguments]


def run(kind, arguments, env):
    subprocess.run(under_callgrind(kind, arguments), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def tmux(env, *args):
    return subprocess.run(["tmux", "-L", tmux_socket, *args], env=env, capture_output=True, text=True).stdout


def wait_for_screen(env, text, timeout=120):
    deadline = time.monotonic() + timeout
    while text not in tmux(env, "capture-pane", "-p", "-t", "o"):
        if time.monotonic() > deadline:
            raise SystemExit(f"the screen never showed {text!r}; it shows:\n{tmux(env, 'capture-pane', '-p', '-t', 'o')}")
        time.sleep(0.2)


def screen(kind, env, url):
    """The screen under callgrind in tmux: its first page, one URL added and downloaded, quit."""
    tmux(env, "new-session", "-d", "-s", "o", "-x", "120", "-y", "40", " ".join(under_callgrind(kind, [])))
    wait_for_screen(env, "tasks")
    tmux(env, "send-keys", "-t", "o", url, "Enter")
    wait_for_screen(env, "done")
    tmux(env, "send-keys", "-t", "o", "Escape")
    time.sleep(1)
    tmux(env, "send-keys", "-t", "o", "q")
    deadline = time.monotonic() + 120
    while tmux(env, "list-sessions") and time.monotonic() < deadline:
        time.sleep(0.2)
    tmux(env, "kill-server")


def functions(path):
    """The names of the functions a callgrind output file saw run."""
    names, seen = {}, set()
    with open(path, errors="replace") as f:
        for line in f:
            m = re.match(r"^(?:c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
            if m:
                if m.group(2):
                    names[m.group(1)] = re.sub(r"'\d+$", "", m.group(2))
                if line.startswith("fn="):
                    seen.add(names.get(m.group(1)))
    return {n for n in seen if n and not n.startswith("0x")}


service = None
try:
    personal = dict(os.environ, YTQ_DB=os.path.join(work, "p", "ytq.sqlite"), YTQ_DOWNLOAD_DIR=os.path.join(work, "p-dl"),
                    YTQ_CONFIG=os.path.join(work, "none.toml"), YTQ_SYSTEM_CONFIG="/dev/null", YTQ_YTDLP=fake, TERM="xterm-256color")
    run("command", ["add", "https://fake.test/video/success"], personal)
    run("command", ["worker", "--until-idle"], personal)
    for arguments in (["list"], ["list", "--json"], ["show", "1"], ["retry", "1"], ["remove", "1"]):
        run("command", arguments, personal)
    screen("screen", personal, "https://fake.test/video/success?screen")

    socket = os.path.join(work, "run", "ytq.sock")
    service = subprocess.Popen(under_callgrind("service", [
        "serve", "--socket", socket, "--state-dir", os.path.join(work, "state"), "--yt-dlp", fake]),
        env={k: v for k, v in personal.items() if k != "YTQ_DB"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not os.path.exists(socket):
        if time.monotonic() > deadline:
            raise SystemExit("ytq serve never made its socket")
        time.sleep(0.2)
    client = dict(personal, YTQ_SERVER=socket)
    run("client", ["add", "https://fake.test/video/success"], client)
    for arguments in (["list"], ["list", "--json"], ["show", "1"]):
        run("client", arguments, client)
    screen("client", client, "https://fake.test/video/success?client")
    service.terminate()
    service.wait(timeout=120)
    service = None

    used = collections.defaultdict(set)
    for kind in kinds:
        for path in glob.glob(os.path.join(work, f"cg.{kind}.*")):
            for name in functions(path):
                used[name].add(kind)
    # Functions every kind runs first; then those shared by fewer; each pattern of kinds kept
    # together, the service's patterns first (it runs longest, so its memory counts most).
    def place(name):
        pattern = used[name]
        return (-len(pattern), [kind not in pattern for kind in kinds], name)
    # Only the functions ytq itself holds (not libc's, not SQLite's: those are shared libraries).
    symbols = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    defined = {parts[2] for parts in map(str.split, symbols.splitlines()) if len(parts) == 3 and parts[1] in "tTwW"}
    order = sorted((name for name in used if name in defined), key=place)
    target = os.path.join(repo, "packaging", "ytq.order")
    with open(target, "w") as f:
        f.write("\n".join(order) + "\n")
    counts = collections.Counter(len(used[name]) for name in order)
    print(f"{target}: {len(order)} functions ({', '.join(f'{counts[n]} run by {n} kinds' for n in sorted(counts, reverse=True))})")
finally:
    if service is not None:  # a step above failed: the service under callgrind must not outlive the script
        service.kill()
        service.wait()
    subprocess.run(["tmux", "-L", tmux_socket, "kill-server"], capture_output=True)
    shutil.rmtree(work, ignore_errors=True)
