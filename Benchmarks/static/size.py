#!/usr/bin/env python3
"""What takes the room in a binary: the sizes of its symbols (nm -S on the unstripped build),
grouped by where they come from: a Swift module (from the mangled name), ICU's data table and
ICU's code (Foundation's internationalisation), BoringSSL (NIOSSL), and the rest.
  size.py .build-static/release/sonde [--top 15]
Symbols cover code and data, not the section overhead (symbol tables, unwind tables, relocations);
the line "unattributed" is the stripped file size minus what was attributed."""
import argparse, collections, os, re, subprocess, sys

SWIFT = re.compile(r"^\$s(\d+)")

def origin(name):
    if name.startswith("icudt") and name.endswith("_dat"): return "ICU data (icudt*_dat)"
    if name.startswith("_ZN6icu_") or name.startswith("_ZNK6icu_") or re.match(r"^u[a-z]+_\w+_\d+$", name) or name.endswith("_76"):
        return "ICU code"
    if name.startswith("CNIOBoringSSL") or name.startswith("CNIOBoringSSLShims"): return "BoringSSL (NIOSSL)"
    m = SWIFT.match(name)
    if m:
        n = int(m.group(1)); start = m.end(); module = name[start:start + n]
        return f"Swift module {module}"
    if name.startswith("$sS") or name.startswith("$s"): return "Swift stdlib / runtime"
    if name.startswith("swift_") or name.startswith("_swift"): return "Swift stdlib / runtime"
    if name.startswith("_CF") or name.startswith("CF") or name.startswith("__CF"): return "CoreFoundation"
    if name.startswith("dispatch_") or name.startswith("_dispatch"): return "libdispatch"
    return "other (C, C++ runtime, shims)"

def main():
    ap = argparse.ArgumentParser(); ap.add_argument("binary"); ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--stripped", help="the stripped file, for the total (default: strip a copy)")
    a = ap.parse_args()
    # A stripped binary has no symbols (nm exits 1): then only the sections are shown.
    out = subprocess.run(["nm", "-S", "--size-sort", a.binary], capture_output=True, text=True).stdout
    if not out:
        print(f"({a.binary} has no symbols: give the unstripped build for the groups)")
    groups = collections.Counter()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 4: continue
        size, kind, name = int(parts[1], 16), parts[2], parts[3]
        if kind.lower() in ("b",): continue  # bss takes no room in the file
        groups[origin(name)] += size
    stripped = a.stripped
    if not stripped:
        stripped = "/tmp/size-py-stripped"
        subprocess.run(["strip", "-o", stripped, a.binary], check=True)
    total = os.path.getsize(stripped)
    attributed = sum(groups.values())
    print(f"{'stripped file':42} {total / 1e6:8.1f} MB")
    for name, size in groups.most_common(a.top):
        print(f"  {name:40} {size / 1e6:8.2f} MB  {100 * size / total:5.1f}%")
    rest = sum(s for _, s in groups.most_common()[a.top:])
    print(f"  {'(the other groups)':40} {rest / 1e6:8.2f} MB  {100 * rest / total:5.1f}%")
    print(f"  {'unattributed (tables, metadata sections)':40} {(total - attributed) / 1e6:8.2f} MB  {100 * (total - attributed) / total:5.1f}%")
    sections(stripped, a.top)

def sections(binary, top):
    """The file's largest sections (size -A; .bss takes no room in the file): where the unattributed part lives (unwind tables,
    Swift metadata, relocations, read-only data without symbols)."""
    out = subprocess.run(["size", "-A", binary], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].startswith(".") and parts[1].isdigit() and parts[0] not in (".bss", ".tbss"):
            rows.append((int(parts[1]), parts[0]))
    print("sections, largest first")
    for size, name in sorted(rows, reverse=True)[:top]:
        print(f"  {name:40} {size / 1e6:8.2f} MB")

if __name__ == "__main__":
    main()
