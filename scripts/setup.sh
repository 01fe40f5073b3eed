#!/usr/bin/env bash
# Installs what ytq needs to build, run and test on a Debian machine, skipping what is present.
# Idempotent: safe to run before every `make run` / `make test`.
set -euo pipefail

YTDLP_VERSION="${YTDLP_VERSION:-2026.10.26}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

log() { printf '[setup] %s\n' "$*" >&2; }

if ! command -v swift >/dev/null 2>&1; then
  log "swift is not on PATH: install the Swift 6.x toolchain (https://www.swift.org/install/linux/) and re-run."
  exit 1
fi

# Debian packages: headers for the C shims, the tools the tests drive (curl: the `ytq serve` tests talk to its socket).
need_apt=()
for pkg in libncurses-dev libsqlite3-dev ffmpeg tmux sqlite3 python3 ca-certificates curl; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ! command -v python3 >/dev/null 2>&1 || ! python3 -m pip --version >/dev/null 2>&1; then
  dpkg-query -W -f='${Status}' python3-pip 2>/dev/null | grep -q "install ok installed" || need_apt+=(python3-pip)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# yt-dlp from PyPI, pinned so every machine drives the same version.
have=""
if command -v yt-dlp >/dev/null 2>&1; then have="$(yt-dlp --version 2>/dev/null || true)"; fi
if [ "$have" != "$YTDLP_VERSION" ]; then
  log "installing yt-dlp $YTDLP_VERSION from PyPI (found: ${have:-none})"
  if ! python3 -m pip install -q --disable-pip-version-check "yt-dlp==$YTDLP_VERSION" 2>/dev/null; then
    # Debian's system Python refuses global pip installs (PEP 668) unless told otherwise.
    $SUDO python3 -m pip install -q --disable-pip-version-check --break-system-packages "yt-dlp==$YTDLP_VERSION"
  fi
  hash -r
fi
command -v yt-dlp >/dev/null 2>&1 || { log "yt-dlp did not land on PATH"; exit 1; }
log "ready: $(swift --version 2>/dev/null | head -1); yt-dlp $(yt-dlp --version); $(ffmpeg -version 2>/dev/null | head -1 | cut -d' ' -f1-3)"
