#!/usr/bin/env python3
"""Prints this process's blocked, ignored and caught signal masks (a stand-in yt-dlp for the
test that checks what signal state ytq's children start with). Python, not a shell: bash
changes its own mask around the commands it runs."""
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith(("SigBlk:", "SigIgn:", "SigCgt:")):
            print(line.strip(), flush=True)
