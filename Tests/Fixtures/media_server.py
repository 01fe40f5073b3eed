#!/usr/bin/env python3
"""Loopback HTTP media server for ytq's downloader tests (Python 3 standard library only).

Usage: media_server.py [--rate BYTES_PER_S] [--root DIR] [--stall-timeout S]

Prints the chosen port as the first stdout line, then one JSON line per finished request:
  {"event": "request", "method": "GET", "path": "/media/a.mp4?size=10", "range": "bytes=5-",
   "status": 206, "sent": 5, "complete": true}
Exits when its stdin closes or on SIGTERM/SIGINT.

Paths:
  /media/NAME.EXT?size=N[&rate=B]   N bytes of a deterministic pattern seeded by NAME.EXT
                                    (see pattern_block); Content-Type from the extension.
  /files/NAME[?rate=B]              a file from --root DIR.
  /stall/NAME.mp4?size=N[&after=K]  headers for N bytes, sends K bytes (default 1024), then goes
                                    silent with the connection open for --stall-timeout seconds.
  /endless/NAME.EXT[?announce=N]    a body that never ends (the pattern, repeated), with no
                                    Content-Length, or a lying one of N bytes.
  /status/CODE[?reason=TEXT]        an empty response with that status (404, 500, ...) and
                                    that reason phrase (Latin-1: raw ESC and C1 bytes pass).
  /page.html                        an HTML page with no media (yt-dlp: "Unsupported URL").
Range requests get 206 (or 416 with Content-Range: bytes */N when out of range).
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

BLOCK = 65536
CONTENT_TYPES = {
    ".mp4": "video/mp4", ".webm": "video/webm", ".mkv": "video/x-matroska",
    ".m4a": "audio/mp4", ".mp3": "audio/mpeg", ".opus": "audio/ogg",
    ".mpd": "application/dash+xml", ".m4s": "video/iso.segment",
    ".m3u8": "application/vnd.apple.mpegurl", ".ts": "video/mp2t", ".html": "text/html; charset=utf-8",
}
_blocks = {}
_blocks_lock = threading.Lock()
_out_lock = threading.Lock()


def fnv1a64(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def pattern_block(name):
    """64 KiB of xorshift64 output seeded by FNV-1a of the name (the low byte of each step).

    Byte i of the file is block[i % 65536] ^ ((i // 65536) & 0xFF); MediaServer.swift
    computes the same bytes.
    """
    with _blocks_lock:
        block = _blocks.get(name)
        if block is None:
            state = fnv1a64(name) or 1
            out = bytearray(BLOCK)
            for index in range(BLOCK):
                state ^= (state << 13) & 0xFFFFFFFFFFFFFFFF
                state ^= state >> 7
                state ^= (state << 17) & 0xFFFFFFFFFFFFFFFF
                out[index] = state & 0xFF
            block = bytes(out)
            _blocks[name] = block
        return block


def pattern_bytes(name, start, end):
    """Bytes [start, end) of the generated file called name."""
    block = pattern_block(name)
    chunks = []
    position = start
    while position < end:
        block_index, offset = divmod(position, BLOCK)
        take = min(BLOCK - offset, end - position)
        key = block_index & 0xFF
        table = bytes((value ^ key) for value in range(256))
        chunks.append(block[offset:offset + take].translate(table))
        position += take
    return b"".join(chunks)


def emit(record):
    with _out_lock:
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ytq-media-server/1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.handle_request(send_body=False)

    def do_GET(self):
        self.handle_request(send_body=True)

    def handle_request(self, send_body):
        self.sent = 0
        self.complete = False
        self.status = 0
        try:
            self.route(send_body)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        finally:
            emit({"event": "request", "method": self.command, "path": self.path,
                  "range": self.headers.get("Range"), "status": self.status,
                  "sent": self.sent, "complete": self.complete})

    def route(self, send_body):
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        path = unquote(parts.path)
        rate = int(query.get("rate", self.server.rate))
        if path.startswith("/status/"):
            code = int(path[len("/status/"):] or 500)
            return self.send_empty(code, query.get("reason"))
        if path == "/page.html":
            body = b"<!DOCTYPE html><html><head><title>No media here</title></head><body>Hello</body></html>"
            return self.send_bytes(body, "text/html; charset=utf-8", send_body)
        if path.startswith("/media/"):
            name = path[len("/media/"):]
            size = int(query.get("size", 1024 * 1024))
            reader = lambda start, end: pattern_bytes(name, start, end)
            return self.send_ranged(name, size, reader, rate, send_body)
        if path.startswith("/stall/"):
            name = path[len("/stall/"):]
            size = int(query.get("size", 1024 * 1024))
            after = min(int(query.get("after", 1024)), size)
            return self.send_stalled(name, size, after, send_body)
        if path.startswith("/endless/"):
            return self.send_endless(path[len("/endless/"):], query.get("announce"), rate, send_body)
        if path.startswith("/files/") and self.server.root:
            name = os.path.basename(path[len("/files/"):])
            full = os.path.join(self.server.root, name)
            if os.path.isfile(full):
                size = os.path.getsize(full)

                def reader(start, end):
                    with open(full, "rb") as handle:
                        handle.seek(start)
                        return handle.read(end - start)
                return self.send_ranged(name, size, reader, rate, send_body)
        return self.send_empty(404)

    def send_empty(self, code, reason=None):
        self.status = code
        self.send_response(code, reason)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.complete = True

    def send_bytes(self, body, content_type, send_body):
        self.status = 200
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)
            self.sent = len(body)
        self.complete = True

    def send_endless(self, name, announce, rate, send_body):
        self.status = 200
        self.send_response(200)
        self.send_header("Content-Type", self.content_type(name))
        if announce is not None:
            self.send_header("Content-Length", str(int(announce)))
        self.end_headers()
        self.close_connection = True
        if not send_body:
            self.complete = True
            return
        block = pattern_bytes(name, 0, BLOCK)
        started = time.monotonic()
        while True:
            self.wfile.write(block)
            self.sent += len(block)
            if rate:
                ahead = self.sent / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)

    def content_type(self, name):
        return CONTENT_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")

    def parse_range(self, size):
        """(start, end_exclusive, partial) or None when unsatisfiable."""
        header = self.headers.get("Range")
        if not header or not header.startswith("bytes=") or "," in header:
            return 0, size, False
        first, _, last = header[len("bytes="):].partition("-")
        if first == "":
            suffix = int(last or 0)
            if suffix <= 0:
                return None
            return max(0, size - suffix), size, True
        start = int(first)
        end = min(int(last) + 1, size) if last else size
        if start >= size or end <= start:
            return None
        return start, end, True

    def send_ranged(self, name, size, reader, rate, send_body):
        span = self.parse_range(size)
        if span is None:
            self.status = 416
            self.send_response(416)
            self.send_header("Content-Range", "bytes */%d" % size)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.complete = True
            return
        start, end, partial = span
        self.status = 206 if partial else 200
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type(name))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start))
        if partial:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end - 1, size))
        self.end_headers()
        if not send_body:
            self.complete = True
            return
        chunk = BLOCK if rate <= 0 else max(1024, min(BLOCK, rate // 20))
        began = time.monotonic()
        position = start
        while position < end:
            take = min(chunk, end - position)
            self.wfile.write(reader(position, position + take))
            position += take
            self.sent += take
            if rate > 0:
                ahead = self.sent / rate - (time.monotonic() - began)
                if ahead > 0:
                    time.sleep(ahead)
        self.complete = True

    def send_stalled(self, name, size, after, send_body):
        self.status = 200
        self.send_response(200)
        self.send_header("Content-Type", self.content_type(name))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if not send_body:
            self.complete = True
            return
        self.wfile.write(pattern_bytes(name, 0, after))
        self.wfile.flush()
        self.sent = after
        self.server.stop_event.wait(self.server.stall_timeout)
        self.close_connection = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=0, help="default bandwidth cap in bytes/s (0 = none)")
    parser.add_argument("--root", default=None, help="folder served under /files/")
    parser.add_argument("--stall-timeout", type=float, default=60.0, help="seconds a /stall/ request stays open")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.rate = args.rate
    server.root = args.root
    server.stall_timeout = args.stall_timeout
    server.stop_event = threading.Event()

    def stop(*_):
        server.stop_event.set()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        stop()

    threading.Thread(target=watch_stdin, daemon=True).start()
    with _out_lock:
        sys.stdout.write("%d\n" % server.server_address[1])
        sys.stdout.flush()
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
