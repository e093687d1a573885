#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank: at least MIN_COLOURS distinct
colours and MIN_INK of its pixels not white. Reads the PNG with zlib only.

Usage: check_screenshot.py PNG MIN_COLOURS MIN_INK
"""
import struct
import sys
import zlib


def pixels(path):
    """The rows of an 8-bit, non-interlaced PNG (grey, RGB or RGBA), as bytes,
    and the bytes per pixel."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("%s: not a PNG" % path)
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(
                ">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or interlace or colour not in (0, 2, 4, 6):
        sys.exit("%s: unsupported PNG (depth %d, colour type %d)"
                 % (path, depth, colour))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        # Undo the PNG filter of this row (RFC 2083, section 6).
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return rows, bpp


def main():
    path, min_colours, min_ink = sys.argv[1], int(sys.argv[2]), float(
        sys.argv[3])
    rows, bpp = pixels(path)
    colours, ink, total = set(), 0, 0
    white = b"\xff" * min(bpp, 3)
    for row in rows:
        for i in range(0, len(row), bpp):
            px = row[i:i + bpp]
            colours.add(px)
            total += 1
            ink += px[:3] != white
    print("%s: %d colours, %.1f%% not white" % (path, len(colours),
                                               100.0 * ink / total))
    if len(colours) < min_colours or ink < min_ink * total:
        sys.exit("%s looks blank" % path)


if __name__ == "__main__":
    main()
