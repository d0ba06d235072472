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
strip -o "$work/static" "$static"; strip -o "$work/dynamic" "$dynamic"

echo "== size, stripped"
printf '  %-10s %6.1f MB, loads %s\n' static "$(echo "$(stat -c %s "$work/static") / 1000000" | bc -l)" \
    "$(readelf -d "$work/static" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | xargs)"
printf '  %-10s %6.1f MB, loads %s\n' dynamic "$(echo "$(stat -c %s "$work/dynamic") / 1000000" | bc -l)" \
    "$(readelf -d "$work/dynamic" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | xargs)"
dyn_libs=$(ldd "$work/dynamic" | awk '/=> \/opt\/swift/ {print $3}' | xargs -r stat -L -c %s | paste -sd+ | bc)
echo "  the dynamic one also needs $(echo "$dyn_libs / 1000000" | bc -l | xargs printf '%.1f') MB of Swift libraries from /opt/swift"

echo "== what takes the room in the static binary"
python3 Benchmarks/static/size.py "$static" --stripped "$work/static" --top 14

echo "== peak RSS, idle dashboard (sonde demo 80x24, paused), alternating, 3 each"
for i in 1 2 3; do
    for kind in static dynamic; do
        r=$(python3 "$meter" --cols 80 --rows 24 --warmup 2 --seconds 6 --keys "1:p" --json -- "$work/$kind" demo)
        printf '  %-8s %s\n' "$kind" "$r"
    done
done
