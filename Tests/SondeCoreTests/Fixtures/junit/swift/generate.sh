#!/usr/bin/env bash
# Regenerates the reports `swift test --xunit-output` writes: xunit.xml (XCTest's; SwiftPM writes
# it only for a --parallel run) and xunit-swift-testing.xml (Swift Testing's), and console.txt,
# the same run's output. Run from a scratch copy so paths are not this checkout's.
source "$(dirname "$0")/../scratch.sh"
cp -r "$here/project" "$work/"
cd "$work/project"
swift build --build-tests -q >/dev/null 2>&1
swift test --skip-build --parallel --xunit-output "$work/report.xml" > "$here/console.txt" 2>&1
cp "$work/report.xml" "$here/xunit.xml"; cp "$work/report-swift-testing.xml" "$here/xunit-swift-testing.xml"
swift --version 2>/dev/null | head -n 1 > "$here/VERSIONS.txt"
