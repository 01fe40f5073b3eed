#!/usr/bin/env python3
"""Renders a `tmux capture-pane -p -e` text (ANSI colours and attributes) to a PNG.

Usage: ansi_to_png.py INPUT.txt OUTPUT.png [--columns N] [--rows N]
Cells are drawn on a fixed grid with DejaVu Sans Mono; wide characters take two cells.
"""
import re, sys, unicodedata
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
PALETTE = [  # a dark terminal theme, the 16 base colours
    (40, 42, 54), (255, 85, 85), (80, 250, 123), (241, 250, 140), (98, 114, 164), (255, 121, 198), (139, 233, 253), (220, 220, 220),
    (98, 114, 164), (255, 110, 110), (105, 255, 148), (255, 255, 165), (130, 150, 210), (255, 146, 223), (164, 255, 255), (255, 255, 255)]
DEFAULT_FG, DEFAULT_BG = (230, 230, 230), (30, 31, 41)

def xterm256(n):
    if n < 16: return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)

def parse(text, columns, rows):
    grid = [[(" ", DEFAULT_FG, DEFAULT_BG, False) for _ in range(columns)] for _ in range(rows)]
    for row, line in enumerate(text.split("\n")[:rows]):
        fg, bg, bold, dim, reverse = DEFAULT_FG, DEFAULT_BG, False, False, False
        col = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in token[2:-1].split(";")] or [0]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0: fg, bg, bold, dim, reverse = DEFAULT_FG, DEFAULT_BG, False, False, False
                    elif c == 1: bold = True
                    elif c == 2: dim = True
                    elif c == 7: reverse = True
                    elif c == 22: bold = dim = False
                    elif c == 27: reverse = False
                    elif 30 <= c <= 37: fg = PALETTE[c - 30]
                    elif 90 <= c <= 97: fg = PALETTE[c - 90 + 8]
                    elif c == 39: fg = DEFAULT_FG
                    elif 40 <= c <= 47: bg = PALETTE[c - 40]
                    elif 100 <= c <= 107: bg = PALETTE[c - 100 + 8]
                    elif c == 49: bg = DEFAULT_BG
                    elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                        color = xterm256(codes[i + 2]); i += 2
                        if c == 38: fg = color
                        else: bg = color
                    elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                        color = tuple(codes[i + 2:i + 5]); i += 4
                        if c == 38: fg = color
                        else: bg = color
                    i += 1
                continue
            for ch in token:
                if col >= columns: break
                width = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
                f, b = (bg, fg) if reverse else (fg, bg)
                if dim: f = tuple(int(v * 0.6 + b[j] * 0.4) for j, v in enumerate(f))
                grid[row][col] = (ch, f, b, bold)
                if width == 2 and col + 1 < columns: grid[row][col + 1] = ("", f, b, bold)
                col += width
            # Cells after the last character keep the current background only if set explicitly.
    return grid

def render(grid, path):
    regular = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE)
    cell_w = round(regular.getlength("M"))
    cell_h = SIZE + 5
    rows, columns = len(grid), len(grid[0])
    pad = 10
    image = Image.new("RGB", (columns * cell_w + 2 * pad, rows * cell_h + 2 * pad), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for r, line in enumerate(grid):
        for c, (ch, fg, bg, is_bold) in enumerate(line):
            x, y = pad + c * cell_w, pad + r * cell_h
            if bg != DEFAULT_BG: draw.rectangle([x, y, x + cell_w, y + cell_h], fill=bg)
            if ch.strip():
                if ch in "─│┌┐└┘├┤┬┴┼█░▏▎▍▌▋▊▉":
                    draw_block(draw, ch, x, y, cell_w, cell_h, fg)
                else:
                    draw.text((x, y + 1), ch, font=bold if is_bold else regular, fill=fg)
    image.save(path)

def draw_block(draw, ch, x, y, w, h, color):
    """Box and block characters drawn as shapes, so lines join across cells."""
    mx, my = x + w // 2, y + h // 2
    if ch == "█": draw.rectangle([x, y + 2, x + w, y + h - 2], fill=color); return
    if ch == "░": draw.rectangle([x, y + 2, x + w, y + h - 2], fill=tuple(v // 3 for v in color)); return
    if ch in "▏▎▍▌▋▊▉":
        eighths = "▏▎▍▌▋▊▉".index(ch) + 1
        draw.rectangle([x, y + 2, x + w * eighths // 8, y + h - 2], fill=color); return
    left = ch in "─┐┘┤┬┴┼"; right = ch in "─┌└├┬┴┼"; up = ch in "│└┘├┤┴┼"; down = ch in "│┌┐├┤┬┼"
    if left: draw.line([x, my, mx, my], fill=color)
    if right: draw.line([mx, my, x + w, my], fill=color)
    if up: draw.line([mx, y, mx, my], fill=color)
    if down: draw.line([mx, my, mx, y + h], fill=color)

if __name__ == "__main__":
    source, target = sys.argv[1], sys.argv[2]
    columns = int(sys.argv[sys.argv.index("--columns") + 1]) if "--columns" in sys.argv else 110
    rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 30
    render(parse(open(source, encoding="utf-8").read(), columns, rows), target)
