#!/usr/bin/env bash
# Prints the figures behind ytq's speed targets. Release build; needs hyperfine (installed here).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null 2>&1 || { ${SUDO:-$([ "$(id -u)" -ne 0 ] && echo sudo)} apt-get install -y -qq hyperfine >/dev/null; }
# Built as `make build` builds it (`make bench` passes its BUILD: direct metadata accessors, the
# Swift runtime and Foundation static, relocations packed by lld).
read -r -a link <<< "${BUILD:---static-swift-stdlib}"
swift build -c release "${link[@]}" --product ytq >/dev/null
swift build -c release "${link[@]}" --product ytq-bench >/dev/null
bin="$(swift build -c release "${link[@]}" --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export YTQ_DB="$work/ytq.sqlite" YTQ_CONFIG="$work/none.toml"
"$bin/ytq" list >/dev/null
python3 scripts/seed_tasks.py "$YTQ_DB" 100000
YTQ_DB="$work/bench.sqlite" "$bin/ytq" list >/dev/null
python3 scripts/seed_tasks.py "$work/bench.sqlite" 100000
echo "== ytq add as a whole process, database of 100,000 tasks (target: 30 ms)"
hyperfine -N --warmup 3 --runs 50 "$bin/ytq add https://example.com/x --per-user-limit 1000000 --system-limit 1000000"
echo "== ytq list --limit 20 on the same database"
hyperfine -N --warmup 3 --runs 50 "$bin/ytq list --limit 20"
echo "== in-process throughput (target: 2,000 check-and-inserts per second)"
"$bin/ytq-bench" "$work/bench.sqlite"
echo "== engine: start latency and download overhead"
python3 scripts/bench_engine.py "$bin/ytq" "$PWD"
echo "== terminal UI: first screen, memory, idle wake-ups, CPU under load"
python3 scripts/bench_tui.py "$bin/ytq" "$PWD"
echo "== shared queue: ytq serve and its clients"
python3 scripts/bench_serve.py "$bin/ytq" "$PWD"
