#!/usr/bin/env bash
# Regenerates report.xml with Node's own test runner and its JUnit reporter (Node 20), and
# console.txt (the same run's spec reporter). Run from a scratch copy so paths in stack traces
# are not this checkout's.
source "$(dirname "$0")/../scratch.sh"
cp -r "$here/project" "$work/"
cd "$work/project"
node --test --test-reporter=junit --test-reporter-destination="$here/report.xml" \
    --test-reporter=spec --test-reporter-destination="$here/console.txt" test/
node --version > "$here/VERSIONS.txt"
