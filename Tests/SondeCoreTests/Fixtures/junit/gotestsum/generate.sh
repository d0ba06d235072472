#!/usr/bin/env bash
# Regenerates this folder's reports with Debian's golang and gotestsum (apt: golang gotestsum):
# a plain run (gotestsum.xml) and one with --rerun-fails (reruns.xml), each with gotestsum's
# console summary beside it. The module needs nothing outside Go's standard library, so no proxy.
source "$(dirname "$0")/../scratch.sh"
cp -r "$here/project" "$work/"
cd "$work/project"
export GOFLAGS=-mod=mod GOPROXY=off GOCACHE="$work/cache" FLAKY_STATE="$work/state"
mkdir -p "$FLAKY_STATE"
gotestsum --format standard-quiet --junitfile "$here/gotestsum.xml" ./... > "$here/gotestsum.console.txt" 2>&1
rm -rf "$FLAKY_STATE"; mkdir -p "$FLAKY_STATE"
gotestsum --format standard-quiet --rerun-fails=2 --packages ./... --junitfile "$here/reruns.xml" > "$here/reruns.console.txt" 2>&1
{ go version; echo "gotestsum $(dpkg-query -W -f '${Version}' gotestsum) (Debian)"; } > "$here/VERSIONS.txt"
