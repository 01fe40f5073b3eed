#!/usr/bin/env bash
# Makes screenshots/*.png from real runs of ytq in tmux against the loopback media server:
# a download in progress, the error pane showing a rejection, the details view, the help.
# Rerun after changing what the screen shows: bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check pillow \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages pillow
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || { ${SUDO:-$([ "$(id -u)" -ne 0 ] && echo sudo)} apt-get install -y -qq fonts-dejavu-core >/dev/null; }
swift build --product ytq >/dev/null
ytq="$(swift build --show-bin-path)/ytq"
work="$(mktemp -d)"
socket="ytq-shots-$$"
cols=110 rows=30
server_pid=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/server-in"
python3 Tests/Fixtures/media_server.py --rate 1500000 < "$work/server-in" > "$work/server.log" &
server_pid=$!
exec 9> "$work/server-in"   # the server stops when this closes
for _ in $(seq 50); do [ -s "$work/server.log" ] && break; sleep 0.1; done
port="$(head -1 "$work/server.log")"

export YTQ_DB="$work/db/ytq.sqlite" YTQ_DOWNLOAD_DIR="$work/downloads" YTQ_CONFIG="$work/none.toml" TERM=xterm-256color
# Some history first, so the list shows each status.
"$ytq" add "http://127.0.0.1:$port/media/Big%20Buck%20Bunny.mp4?size=3000000&rate=3000000" -f mp4 >/dev/null
"$ytq" worker --until-idle >/dev/null
"$ytq" add "http://127.0.0.1:$port/status/404" >/dev/null
"$ytq" worker --until-idle >/dev/null
"$ytq" add "http://127.0.0.1:$port/media/Sintel%20trailer.webm?size=4000000" -f 720p >/dev/null
"$ytq" cancel 3 >/dev/null

tmux -L "$socket" new-session -d -s shots -x "$cols" -y "$rows" "$ytq"
shot() {
    tmux -L "$socket" capture-pane -p -e -t shots > "$work/$1.txt"
    python3 scripts/ansi_to_png.py "$work/$1.txt" "screenshots/$1.png" --columns "$cols" --rows "$rows"
    echo "screenshots/$1.png"
}
wait_for() {
    for _ in $(seq 100); do tmux -L "$socket" capture-pane -p -t shots | grep -q "$1" && return 0; sleep 0.1; done
    echo "timed out waiting for: $1" >&2; return 1
}
wait_for "New download"
tmux -L "$socket" send-keys -t shots -l "http://127.0.0.1:$port/media/Tears%20of%20Steel%20(4K).mp4?size=60000000"
tmux -L "$socket" send-keys -t shots Enter
wait_for "Started task"
sleep 3
shot download-in-progress
tmux -L "$socket" send-keys -t shots -l "http://127.0.0.1:$port/media/Elephants%20Dream.mp4?size=1000"
tmux -L "$socket" send-keys -t shots Enter
wait_for "per-user limit"
sleep 0.3
shot error-pane-rejection
tmux -L "$socket" send-keys -t shots Tab Tab Down Down
sleep 0.3
tmux -L "$socket" send-keys -t shots Enter
# The list's rows leave out the command line: wait for the whole task the overlay reads.
wait_for "Command    yt-dlp"
shot details
tmux -L "$socket" send-keys -t shots Escape
sleep 0.3
tmux -L "$socket" send-keys -t shots '?'
sleep 0.5
shot help
tmux -L "$socket" send-keys -t shots Escape C-c
sleep 0.3
tmux -L "$socket" send-keys -t shots y
sleep 1
