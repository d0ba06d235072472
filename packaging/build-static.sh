#!/usr/bin/env bash
# Builds the self-contained binary for hosts without Swift: dist/sonde, stripped, with the Swift
# runtime and Foundation linked in. What is left for the host is listed by `ldd dist/sonde` and in
# packaging/runtime-packages.txt (README: "Install on a bastion").
#   packaging/build-static.sh            build in .build-static (first build ~17-20 min on 2 cores)
#   SONDE_SKIP_BUILD=1 packaging/build-static.sh   only strip and report what .build-static holds
#   SONDE_BUILD_COMMIT=1a2b3c4d5e6f packaging/build-static.sh   the commit to name outside a git checkout
# The commit is written into Sources/sonde/BuildCommit.swift for this build and the file is put
# back afterwards, so the tree stays as it was and a plain `swift build` still works.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then export PATH="$PATH:/opt/swift/usr/bin"; fi
scratch=${SONDE_STATIC_SCRATCH:-.build-static}
commit_file=Sources/sonde/BuildCommit.swift

# How the binary is linked and laid out, for its memory (docs/design.md, "Code pages"): the kernel
# maps 64 KB of the file around each page a process touches, so what the dashboard costs is the
# number of 64 KB windows its code and data fall in, not their bytes.
#   -function-sections (Swift, C, C++)  every function a section of its own, so that the link can
#                                       move it; the prebuilt Swift runtime and Foundation have them
#   --symbol-ordering-file              packaging/order/sonde.order, every function the dashboard runs
#                                       (packaging/order/generate.sh, callgrind), placed first and
#                                       together; names no longer in the build are skipped in silence
#   -T packaging/order/sonde.ld         Swift's private functions (no symbol to order) in one place
#   lld                                 the only linker here that takes an order for every section
#   --no-export-dynamic                 undoes the -export-dynamic of the static stdlib's link flags:
#                                       54,000 symbols in .dynsym/.dynstr (3-5 MB) that nothing looks up
# Not passed: -z pack-relative-relocs (DT_RELR) would keep 3.4 MB of relocations out of memory,
# but a binary with it needs glibc 2.36, and Ubuntu 22.04 bastions have 2.35 (the binary needs no
# more than 2.35 without it). Were it passed, build-deb.sh would have to say libc6 (>= 2.36) itself.
# These are for this build only: `swift build` and `swift test` are not affected.
order=$PWD/packaging/order
layout=(
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xcc -fdata-sections
    -Xswiftc -use-ld=lld -Xlinker --no-export-dynamic
    -Xlinker --symbol-ordering-file="$order/sonde.order" -Xlinker --no-warn-symbol-ordering
    -Xlinker -T -Xlinker "$order/sonde.ld"
)

if [ -z "${SONDE_SKIP_BUILD:-}" ]; then
    # SONDE_BUILD_COMMIT names the commit for a build outside a git checkout (a CI export, a tarball).
    if [ -n "${SONDE_BUILD_COMMIT:-}" ]; then
        commit=$SONDE_BUILD_COMMIT
    else
        commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
        if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
            commit="$commit-dirty"
        fi
    fi
    case $commit in *[!0-9A-Za-z._-]*) echo "SONDE_BUILD_COMMIT: letters, digits, . _ - only" >&2; exit 1;; esac
    original=$(mktemp)
    cp "$commit_file" "$original"
    trap 'cp "$original" "$commit_file"; rm -f "$original"' EXIT
    sed -i "s/static let id = \".*\"/static let id = \"$commit\"/" "$commit_file"
    # The link does not know these files as inputs: a changed one must relink.
    for input in "$order/sonde.order" "$order/sonde.ld"; do
        if [ "$input" -nt "$scratch/release/sonde" ]; then rm -f "$scratch/release/sonde"; fi
    done
    echo "== swift build -c release --static-swift-stdlib --product sonde (commit $commit)"
    start=$(date +%s)
    swift build -c release --static-swift-stdlib --product sonde --scratch-path "$scratch" "${layout[@]}"
    echo "built in $(( $(date +%s) - start ))s"
fi

mkdir -p dist
bin="$scratch/release/sonde"
[ -x "$bin" ] || { echo "no $bin: run without SONDE_SKIP_BUILD=1 first" >&2; exit 1; }
strip -o dist/sonde "$bin"
echo "== dist/sonde: $(stat -c %s dist/sonde) bytes stripped ($(stat -c %s "$bin") unstripped)"
echo "== shared libraries it needs (the host must have these):"
readelf -d dist/sonde | sed -n 's/.*(NEEDED).*\[\(.*\)\]/  \1/p'
if readelf -d dist/sonde | grep -q 'RUNPATH\|RPATH'; then
    echo "warning: the binary carries an rpath:" >&2
    readelf -d dist/sonde | grep 'RUNPATH\|RPATH' >&2
fi
dist/sonde --version
