#!/usr/bin/env bash
# The self-contained binary against the ordinary one, same run: file size (stripped) and what takes
# the room, the shared libraries each loads, and the peak RSS of the idle dashboard (sonde demo at
# 80x24, probing paused with p, so what is measured is the process at rest).
#   Benchmarks/static/run.sh [STATIC_UNSTRIPPED [DYNAMIC]]
# Defaults: .build-static/release/sonde (packaging/build-static.sh) and dist/sonde-dynamic, which
# is the same objects linked without --static-swift-stdlib:
#   swift build -c release --product sonde --scratch-path .build-static && cp .build-static/release/sonde dist/sonde-dynamic
# (that relinks .build-static/release/sonde; packaging/build-static.sh links it static again).
set -euo pipefail
cd "$(dirname "$0")/../.."
static=${1:-.build-static/release/sonde}
dynamic=${2:-dist/sonde-dynamic}
meter=${TTYMETER:-Benchmarks/Support/ptymeter.py}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
kinds=static
strip -o "$work/static" "$static"
if [ -x "$dynamic" ]; then strip -o "$work/dynamic" "$dynamic"; kinds="static dynamic"
else echo "(no $dynamic: the dynamic binary is left out; build it as above or name it as the second argument)"; fi
mb() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6:.1f}')" "$1"; }

echo "== size, stripped"
for kind in $kinds; do
    printf '  %-10s %6s MB, loads %s\n' "$kind" "$(mb "$(stat -c %s "$work/$kind")")" \
        "$(readelf -d "$work/$kind" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | xargs)"
done
if [ -e "$work/dynamic" ]; then
    swift_libs=$(ldd "$work/dynamic" | awk '$3 ~ /^\/opt\/swift/ {print $3}' | xargs -r stat -L -c %s | awk '{t += $1} END {print t + 0}')
    echo "  the dynamic one also needs $(mb "$swift_libs") MB of Swift libraries from /opt/swift"
fi

echo "== what takes the room in the static binary"
python3 Benchmarks/static/size.py "$static" --stripped "$work/static" --top 14

echo "== peak RSS, idle dashboard (sonde demo 80x24, paused at 1 s, measured 2-8 s), alternating, 3 each"
for i in 1 2 3; do
    for kind in $kinds; do
        r=$(python3 "$meter" --cols 80 --rows 24 --warmup 2 --seconds 6 --keys "1:p" --json -- "$work/$kind" demo)
        printf '  %-8s %s\n' "$kind" "$r"
    done
done
