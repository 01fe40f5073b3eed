#!/usr/bin/env python3
"""Fills a ytq database (already created by `ytq list`) with N finished tasks, for the benchmarks.

The one place the benchmarks' seed rows are written: bench.sh (for hyperfine and ytq-bench)
and bench_tui.py use it. The rules only count active tasks, so finished ones cost nothing
but the table's size.

usage: seed_tasks.py DATABASE [COUNT]   (COUNT defaults to 100,000)
"""
import sqlite3
import sys


def seed(path, count=100_000):
    db = sqlite3.connect(path)
    db.executemany(
        "INSERT INTO download_tasks(user_id, ip_address, video_url, format, status, created_at, updated_at) "
        "VALUES (?, '127.0.0.1', ?, 'best', ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
        [(i % 500, f"https://example.com/v{i}", ("completed", "failed", "cancelled")[i % 3]) for i in range(count)])
    db.commit()
    db.close()


if __name__ == "__main__":
    seed(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
