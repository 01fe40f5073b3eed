#!/bin/bash
# A stand-in for yt-dlp in ytq's runner tests. It accepts YtDlpInvocation's argv, honours
# -P home:/-P temp:, and behaves according to the URL's last path component (the scenario):
#
#   success        info line, FAKE_STEPS progress lines (default 5), a 1000-byte file moved to
#                  home as "Fake clip [fake1].mp4", the after_move line; exit 0.
#   fail-404       a progress line, then yt-dlp's real 404 ERROR line on stderr; exit 1.
#   exit-N         no output at all; exit N.
#   stderr-only    two non-ERROR stderr lines; exit 3.
#   hang           info + one progress line, then waits; on SIGINT prints
#                  "ERROR: Interrupted by user", leaves a .part in temp, exits 1.
#   ignore-sigint  like hang, but ignores SIGINT (only SIGKILL ends it).
#   no-file        exit 0 and an after_move path that does not exist.
#   outside        exit 0 and an after_move path outside home ("HOME/../escaped.mp4", created).
#   flood          FAKE_LINES (default 20000) progress lines and as many stderr lines.
#   sigterm        kills itself with SIGTERM.
#   ffmpeg-missing yt-dlp's ffmpeg ERROR line; exit 1.
#   quiet-hang     info line, then points stdout/stderr at /dev/null and waits (SIGINT: exit 1).
#   postprocess    info, progress to "finished", then FAKE_POSTPROCESS seconds (default 3) of
#                  silence (as ffmpeg would take), then the file and the after_move line; exit 0.
#   range-416      first run: leaves a .part and fails with yt-dlp's HTTP 416 error; later
#                  runs: fail if that .part survived, else succeed like `success`.
#   fill-disk      info and a progress line, then its .part grows until the disk is full;
#                  yt-dlp's ENOSPC ERROR line; exit 1.
#   fill-beside    leaves a small .part, then fills the disk with "ballast" in the folder
#                  of the folder holding partial/ (the database folder), which ytq must not touch;
#                  the same ENOSPC error; exit 1.
#   done-late      like success (the same file), but after the after_move line it waits to
#                  exit; SIGINT then ends it with 0, as a yt-dlp that had just finished would.
#   slow-stop      like hang, but takes 2 s to exit after SIGINT (a yt-dlp winding down).
#   move-hang      like hang, but first writes half the file under its final name in home (a
#                  move across filesystems, under way); SIGINT: exit 1.
#   signals        prints its SigBlk/SigIgn/SigCgt lines from /proc/self/status; exit 0.
#   slow-start     FAKE_START seconds (default 2) of silence, as yt-dlp reading a slow page,
#                  then like success.
#   silent-hang    prints nothing and waits, as yt-dlp stuck before it finds a format
#                  (SIGINT: exit 1).
#
# FAKE_ARGV_FILE, when set, receives the argv (one argument per line) and the environment
# keys (lines "env:KEY").
set -u
ORIGINAL_ARGS=("$@")
home="" temp="" url=""
while [ $# -gt 0 ]; do
    case "$1" in
        -P) shift; case "$1" in home:*) home="${1#home:}" ;; temp:*) temp="${1#temp:}" ;; esac ;;
        --) shift; url="${1:-}"; break ;;
    esac
    shift
done
if [ -n "${FAKE_ARGV_FILE:-}" ]; then
    { printf '%s\n' "$0" "${ORIGINAL_ARGS[@]:-}"; env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/env:\1/p'; } > "$FAKE_ARGV_FILE"
fi
scenario="${url##*/}"
scenario="${scenario%%\?*}"

progress() { # status downloaded total
    printf '{"type":"progress","p":{"status": "%s", "downloaded_bytes": %d, "total_bytes": %d, "speed": 1000.5, "eta": 1, "elapsed": 0.25}}\n' "$1" "$2" "$3"
}
info() {
    printf '{"type":"info","info":{"id": "fake1", "title": "Fake clip \\u00e9", "ext": "mp4", "format_id": "18", "duration": 12.5, "webpage_url": "%s", "extractor_key": "Generic", "filename": "%s"}}\n' "$url" "$home/Fake clip [fake1].mp4"
}
publish() { # the 1000-byte file under the final name, and the after_move line
    mkdir -p "$home"
    head -c 1000 /dev/zero > "$home/Fake clip [fake1].mp4"
    printf '{"type":"done","filepath":"%s"}\n' "$home/Fake clip [fake1].mp4"
}
wait_forever() {
    sleep 1000 &
    sleeper=$!
    wait "$sleeper"
}

case "$scenario" in
    success)
        info
        steps="${FAKE_STEPS:-5}"
        for i in $(seq 1 "$steps"); do progress downloading $((i * 1000 / steps)) 1000; done
        progress finished 1000 1000
        publish
        exit 0 ;;
    fail-404)
        info
        progress downloading 10 1000
        echo "WARNING: [generic] Falling back on generic information extractor" >&2
        echo "ERROR: unable to download video data: HTTP Error 404: Not Found" >&2
        exit 1 ;;
    exit-*)
        exit "${scenario#exit-}" ;;
    stderr-only)
        echo "something odd happened" >&2
        echo "Traceback (most recent call last): boom" >&2
        exit 3 ;;
    hang)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; echo "ERROR: Interrupted by user" >&2; exit 1' INT
        mkdir -p "$temp" && head -c 100 /dev/zero > "$temp/Fake clip [fake1].mp4.part"
        info
        progress downloading 100 1000
        wait_forever
        exit 0 ;;
    slow-start)
        sleep "${FAKE_START:-2}"
        info
        progress downloading 500 1000
        progress finished 1000 1000
        publish
        exit 0 ;;
    silent-hang)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; exit 1' INT
        wait_forever
        exit 0 ;;
    quiet-hang)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; exit 1' INT
        info
        exec >/dev/null 2>&1
        wait_forever
        exit 0 ;;
    ignore-sigint)
        trap '' INT
        info
        progress downloading 100 1000
        while true; do sleep 0.1; done ;;
    no-file)
        info
        printf '{"type":"done","filepath":"%s"}\n' "$home/missing [fake1].mp4"
        exit 0 ;;
    outside)
        mkdir -p "$home" && echo x > "$home/../escaped.mp4"
        printf '{"type":"done","filepath":"%s"}\n' "$home/../escaped.mp4"
        exit 0 ;;
    flood)
        lines="${FAKE_LINES:-20000}"
        for i in $(seq 1 "$lines"); do echo "WARNING: noise line $i on stderr" >&2; done &
        for i in $(seq 1 "$lines"); do progress downloading "$i" "$lines"; done
        wait
        exit 0 ;;
    sigterm)
        kill -TERM $$
        sleep 5 ;;
    ffmpeg-missing)
        echo "ERROR: Postprocessing: ffprobe and ffmpeg not found. Please install or provide the path using --ffmpeg-location" >&2
        exit 1 ;;
    range-416)
        mkdir -p "$home"
        # The mark outlives the failed run's staging folder (home): it sits in the download folder.
        once="$home/../../.range-416-once"
        if [ ! -e "$once" ]; then
            touch "$once"
            mkdir -p "$temp" && head -c 5000 /dev/zero > "$temp/Fake clip [fake1].mp4.part"
            info
            echo "ERROR: unable to download video data: HTTP Error 416: Requested Range Not Satisfiable" >&2
            exit 1
        fi
        if [ -e "$temp/Fake clip [fake1].mp4.part" ]; then
            echo "ERROR: the stale .part survived" >&2
            exit 1
        fi
        publish
        exit 0 ;;
    postprocess)
        info
        progress downloading 500 1000
        progress finished 1000 1000
        sleep "${FAKE_POSTPROCESS:-3}"
        publish
        exit 0 ;;
    fill-disk)
        info
        progress downloading 100 1000
        mkdir -p "$temp"
        head -c 1G /dev/zero > "$temp/Fake clip [fake1].mp4.part" 2>/dev/null
        echo "ERROR: unable to write data: [Errno 28] No space left on device" >&2
        exit 1 ;;
    fill-beside)
        info
        mkdir -p "$temp" && head -c 100 /dev/zero > "$temp/Fake clip [fake1].mp4.part"
        head -c 1G /dev/zero > "${temp%/partial/*}/ballast" 2>/dev/null
        echo "ERROR: unable to write data: [Errno 28] No space left on device" >&2
        exit 1 ;;
    slow-stop)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; sleep 2; echo "ERROR: Interrupted by user" >&2; exit 1' INT
        info
        progress downloading 100 1000
        wait_forever
        exit 0 ;;
    move-hang)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; echo "ERROR: Interrupted by user" >&2; exit 1' INT
        info
        progress finished 1000 1000
        mkdir -p "$home" && head -c 500 /dev/zero > "$home/Fake clip [fake1].mp4"
        wait_forever
        exit 0 ;;
    done-late)
        sleeper=""
        trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; exit 0' INT
        info
        progress finished 1000 1000
        publish
        wait_forever
        exit 0 ;;
    signals)
        grep -E '^Sig(Blk|Ign|Cgt):' "/proc/$$/status"
        exit 0 ;;
    *)
        echo "ERROR: fake-yt-dlp: unknown scenario '$scenario'" >&2
        exit 2 ;;
esac
