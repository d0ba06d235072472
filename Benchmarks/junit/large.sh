#!/usr/bin/env bash
# A 50,000-test JUnit report written by real pytest, read by Sonde's reader and by Python's
# ElementTree (the reference) in the same run: time and peak memory.
#   bash Benchmarks/junit/large.sh [TESTS] [SONDE_BENCH]
# Needs python3 with pytest (pip install pytest).
set -euo pipefail
tests=${1:-50000}
bench=${2:-.build-release/release/sonde-bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
modules=500
per=$(( tests / modules ))
for m in $(seq 1 $modules); do
    # Every 25th module has failures with real tracebacks, as a monorepo's staging run would.
    cat > "$work/test_module_$m.py" <<PY
import pytest

@pytest.mark.parametrize("case", range($per))
def test_case(case):
    if $m % 25 == 0 and case % 10 == 0:
        raise AssertionError(f"service returned HTTP 503 for request {case} on host-{case % 7}:8080")
PY
done
echo "== pytest writes $tests tests into $work/report.xml"
( cd "$work" && python3 -m pytest -q -p no:cacheprovider --junitxml=report.xml . >/dev/null 2>&1 || true )
ls -la "$work/report.xml" | awk '{printf "report: %.1f MB\n", $5 / 1048576}'
"$bench" junit "$work/report.xml" --runs 5
python3 - "$work/report.xml" <<'PY'
import json, resource, statistics, sys, time
import xml.etree.ElementTree as ET
times = []
for _ in range(5):
    start = time.perf_counter()
    root = ET.parse(sys.argv[1]).getroot()
    cases = root.iter("testcase")
    modules, failed = set(), 0
    for case in cases:
        modules.add(case.get("classname"))
        failed += case.find("failure") is not None
    times.append(time.perf_counter() - start)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"reader": "python ElementTree (reference)", "median_s": round(statistics.median(times), 3), "peak_rss_mb": round(rss, 1), "read": f"{len(modules)} modules, {failed} failed"}))
PY
