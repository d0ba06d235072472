#!/usr/bin/env python3
"""Bytes per second that crossed the connection between two unix times, from relay.py's log:
  wire_rate.py LOG START END   ->  "down_bytes_per_s up_bytes_per_s" """
import sys

log, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
rows = [tuple(map(float, line.split())) for line in open(log) if line.strip()]
def at(t):  # the cumulative counts at the last line at or before t
    best = rows[0]
    for row in rows:
        if row[0] <= t: best = row
    return best
a, b = at(start), at(end)
span = b[0] - a[0]
print(f"{(b[1] - a[1]) / span:.1f} {(b[2] - a[2]) / span:.1f}" if span > 0 else "nan nan")
