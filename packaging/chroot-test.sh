#!/usr/bin/env bash
# Proof that the static binary and the .deb work on a host without Swift: a minimal Debian
# bookworm root (debootstrap --variant=minbase), where
#   1. the bare binary, before any package is added, fails with the loader's message naming the library;
#   2. with only packaging/runtime-packages.txt installed: --version, validate, check against a server
#      on 127.0.0.1, the demo in a pseudo-terminal (quits with q, terminal restored), and a user
#      without a writable home on a read-only filesystem;
#   3. dpkg -i of the .deb succeeds, sonde works from /usr/bin, its man page and completions are
#      there, and dpkg -r removes every file it installed.
#   packaging/chroot-test.sh [dist/sonde [dist/sonde_<version>_amd64.deb]]      (root; needs debootstrap, python3 with pyte)
# The pristine root is cached in $SONDE_CHROOT_CACHE (default /var/cache/sonde-chroot); each run
# works on a copy, so runs do not see each other's packages. Exit 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
bin=${1:-dist/sonde}
deb=${2:-$(ls dist/sonde_*_amd64.deb 2>/dev/null | tail -n 1)}
# The end-to-end tests' own pty driver (pyte): it waits for text, sends q, and says whether the
# terminal was restored; part of this repo, so the proof needs nothing from outside it.
pty_driver=$here/Tests/SondeEndToEndTests/Support/pty_session.py
cache=${SONDE_CHROOT_CACHE:-/var/cache/sonde-chroot}
# The Debian archive this host's apt already uses (its first URIs: ending in /debian), unless
# SONDE_DEBIAN_MIRROR names one: a bastion's network reaches what its own apt reaches.
host_mirror() {
    sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\/\{0,1\}\)\([[:space:]].*\)\{0,1\}$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 || true
    sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\/debian\/\{0,1\}\)[[:space:]].*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1 || true
}
mirror=${SONDE_DEBIAN_MIRROR:-$(host_mirror | head -n 1 || true)}
[ -n "$mirror" ] || { echo "no Debian archive found in this host's apt sources: set SONDE_DEBIAN_MIRROR=<archive URL>" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot and mount need it)" >&2; exit 1; }
[ -x "$bin" ] || { echo "no $bin: build it with packaging/build-static.sh" >&2; exit 1; }
[ -f "$deb" ] || { echo "no .deb: build it with packaging/build-deb.sh" >&2; exit 1; }

pristine=$cache/bookworm-minbase
if [ ! -x "$pristine/bin/sh" ]; then
    echo "== debootstrap --variant=minbase bookworm (cached in $pristine; a couple of minutes)"
    rm -rf "$pristine.tmp"
    started=$SECONDS
    # A second try after a dropped download: a passing fault of the mirror is not a failed proof.
    debootstrap --variant=minbase bookworm "$pristine.tmp" "$mirror" >/dev/null \
        || { echo "   debootstrap failed; trying once more"; rm -rf "$pristine.tmp"; debootstrap --variant=minbase bookworm "$pristine.tmp" "$mirror" >/dev/null; }
    mv "$pristine.tmp" "$pristine"
    echo "   debootstrap took $((SECONDS - started))s"
fi
checks_started=$SECONDS

root=$(mktemp -d /var/tmp/sonde-root.XXXXXX)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    for m in "$root/ro" "$root/dev/pts" "$root/dev" "$root/proc"; do
        if mountpoint -q "$m" 2>/dev/null; then umount -l "$m"; fi
    done
    # SONDE_CHROOT_KEEP=1 leaves the root (unmounted, with the runtime packages) for a look by hand.
    if [ "${SONDE_CHROOT_KEEP:-0}" = 1 ]; then echo "root kept in $root"; else rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
cp -a "$pristine/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# /usr/local/bin for the bare binary; sbin because dpkg looks for ldconfig and start-stop-daemon on PATH.
root_path=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin
in_root() { chroot "$root" /usr/bin/env -i PATH=$root_path HOME=/root LANG=C.UTF-8 "$@"; }

echo "== 1. the bare binary on minbase"
install -m 0755 "$bin" "$root/usr/local/bin/sonde"
if out=$(in_root /usr/local/bin/sonde --version 2>&1); then
    echo "  minbase already has every library: $out"
else
    echo "  $out" | head -n 2
    if echo "$out" | grep -q "error while loading shared libraries: lib.*\.so"; then
        pass "a missing library is named by the loader"
    else fail "a missing library did not give the loader's message"; fi
fi

echo "== 2. with only the runtime packages"
packages=$(grep -v '^#' packaging/runtime-packages.txt | xargs)
in_root apt-get install -y -qq --no-install-recommends $packages >/dev/null 2>&1 \
    || { in_root apt-get update -qq >/dev/null && in_root apt-get install -y -qq --no-install-recommends $packages >/dev/null; }
echo "  installed: $packages"
if version=$(in_root sonde --version); then pass "sonde --version: $version"; else fail "sonde --version"; fi
# With SONDE_BUILD_COMMIT (as .ci/run sets it) the version must name that commit. Without it, any
# commit id passes, and "commit unknown" (a binary not built by build-static.sh) is only noted.
# (The pattern is built apart: inside ${VAR:-...} the first } would end the default.)
commit_pattern='[0-9a-f]{7,}'
[ -n "${SONDE_BUILD_COMMIT:-}" ] && commit_pattern=$SONDE_BUILD_COMMIT
if echo "$version" | grep -Eq "commit ${commit_pattern}(-dirty)?\)"; then pass "the version names a commit"
elif [ -z "${SONDE_BUILD_COMMIT:-}" ] && echo "$version" | grep -q "commit unknown)"; then
    echo "note the version names no commit (not built by packaging/build-static.sh; SONDE_BUILD_COMMIT=<id> requires one)"
else fail "the version names no commit${SONDE_BUILD_COMMIT:+ (expected $SONDE_BUILD_COMMIT)}: $version"; fi
if [ -e "$root/usr/local/bin/Sonde_SondeDemo.resources" ] || ls "$root"/usr/local/bin/*.resources >/dev/null 2>&1; then
    fail "a resource bundle lies beside the binary"; fi
cp examples/staging.yml "$root/tmp/staging.yml"
# The secrets the example reads from the environment, as an operator would export them.
secrets="STAGING_JWT=test-token PGPASSWORD=test REDIS_PASSWORD=test"
if out=$(in_root $secrets sonde validate /tmp/staging.yml 2>&1); then pass "sonde validate examples/staging.yml: $out"; else fail "validate: $out"; fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$root/srv/www" && echo healthy > "$root/srv/www/health"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/srv/www" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
cat > "$root/tmp/sonde.yml" <<YML
environment: chroot
targets:
  - name: web
    http: http://127.0.0.1:$port/health
    expect: { contains: healthy }
  - name: closed-port
    tcp: 127.0.0.1:1
YML
out=$(in_root sonde check /tmp/sonde.yml --no-history 2>&1) && rc=0 || rc=$?
echo "$out" | sed 's/^/  /'
if [ "$rc" = 1 ] && echo "$out" | grep -q "^web .*UP" && echo "$out" | grep -q "^closed-port .*DOWN"; then
    pass "sonde check against 127.0.0.1: web up, a closed port down, exit 1"
else fail "sonde check (exit $rc)"; fi

demo=$(python3 "$pty_driver" --cols 80 --rows 24 \
    --steps '[{"wait_for": "Services", "timeout": 20}, {"snapshot": "demo"}, {"keys": "q"}, {"wait_exit": 5}]' -- \
    chroot "$root" /usr/bin/env -i PATH=$root_path HOME=/root LANG=C.UTF-8 TERM=xterm-256color sonde demo) || true
if echo "$demo" | python3 -c 'import json, sys; r = json.load(sys.stdin); sys.exit(0 if r["ok"] and r["exit_status"] == 0 and r["restored"]["rmcup"] and r["restored"]["cnorm"] and r["cooked"] else 1)'; then
    pass "sonde demo in a pty: drew the dashboard, quit with q, restored the terminal"
else fail "sonde demo in a pty: $(echo "$demo" | head -c 2000)"; fi

# A user with no home and a config on a read-only filesystem: the history file cannot be made there.
mkdir -p "$root/ro"
mount -t tmpfs -o size=1m tmpfs "$root/ro"
cp "$root/tmp/sonde.yml" "$root/ro/sonde.yml"
mount -o remount,ro "$root/ro"
out=$(chroot --userspec=65534:65534 "$root" /usr/bin/env -i PATH=$root_path HOME=/nonexistent LANG=C.UTF-8 \
    sonde check /ro/sonde.yml 2>&1) && rc=0 || rc=$?
echo "$out" | sed 's/^/  /'
if [ "$rc" = 1 ] && [ "$(echo "$out" | grep -c 'history is off')" = 1 ] && echo "$out" | grep -q "^web .*UP"; then
    pass "nobody, no home, read-only config folder: check runs, one line says history is off"
else fail "check as nobody on a read-only folder (exit $rc)"; fi
watch=$(python3 "$pty_driver" --cols 80 --rows 24 \
    --steps '[{"wait_for": "web", "timeout": 20}, {"keys": "q"}, {"wait_exit": 5}]' -- \
    chroot --userspec=65534:65534 "$root" /usr/bin/env -i PATH=$root_path HOME=/nonexistent LANG=C.UTF-8 TERM=xterm \
    sonde watch /ro/sonde.yml) || true
if echo "$watch" | python3 -c 'import json, sys; r = json.load(sys.stdin); sys.exit(0 if r["ok"] and r["exit_status"] == 0 and r["restored"]["rmcup"] and r["restored"]["cnorm"] else 1)'; then
    pass "the dashboard starts for nobody on a read-only folder, quits with q and restores the terminal"
else fail "watch as nobody on a read-only folder: $(echo "$watch" | head -c 2000)"; fi
umount "$root/ro"

echo "== 3. the .deb"
rm -f "$root/usr/local/bin/sonde"
cp "$deb" "$root/tmp/sonde.deb"
if in_root dpkg -i /tmp/sonde.deb >/dev/null; then pass "dpkg -i $(basename "$deb")"; else fail "dpkg -i"; fi
if out=$(in_root /usr/bin/sonde --version) && out2=$(in_root $secrets sonde validate /usr/share/sonde/examples/staging.yml 2>&1); then
    pass "/usr/bin/sonde from the package: $out; validate on the packaged example: $out2"
else fail "sonde from the package: $out ${out2:-}"; fi
for f in /usr/share/man/man1/sonde.1.gz /usr/share/bash-completion/completions/sonde \
    /usr/share/zsh/vendor-completions/_sonde /usr/share/fish/vendor_completions.d/sonde.fish \
    /usr/share/sonde/themes/default.yml /usr/share/sonde/examples/staging.yml; do
    [ -s "$root$f" ] || fail "the package has no $f"
done
if zcat "$root/usr/share/man/man1/sonde.1.gz" | grep -q '^\.TH SONDE 1'; then pass "man page, completions, themes and examples installed"
else fail "the man page is not roff"; fi
installed=$(in_root dpkg -L sonde | sort) || fail "dpkg -L sonde"
if in_root dpkg -r sonde >/dev/null; then pass "dpkg -r sonde"; else fail "dpkg -r"; fi
left=""
for f in $installed; do [ -f "$root$f" ] && left="$left $f"; done
if [ -z "$left" ] && ! in_root sh -c 'command -v sonde' >/dev/null; then pass "nothing the package installed is left"
else fail "left after dpkg -r:$left"; fi

echo
echo "checks took $((SECONDS - checks_started))s"
if [ "$failures" = 0 ]; then echo "chroot-test: every check passed"; else echo "chroot-test: $failures failed"; exit 1; fi
