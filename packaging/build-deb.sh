#!/usr/bin/env bash
# Builds dist/sonde_<version>_amd64.deb from the static binary (packaging/build-static.sh):
# /usr/bin/sonde, sonde(1), bash/zsh/fish completions, example configs and themes under
# /usr/share/sonde, and Depends: computed by dpkg-shlibdeps from the libraries the binary links.
#   packaging/build-deb.sh [path/to/sonde]      (default dist/sonde)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-dist/sonde}
[ -x "$bin" ] || { echo "no $bin: build it with packaging/build-static.sh first" >&2; exit 1; }
version=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' Sources/sonde/Version.swift)
[ -n "$version" ] || { echo "no version number in Sources/sonde/Version.swift" >&2; exit 1; }
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

install -D -m 0755 "$bin" "$root/usr/bin/sonde"
install -d "$root/usr/share/man/man1"
bash packaging/manpage.sh "$bin" | gzip -9n > "$root/usr/share/man/man1/sonde.1.gz"
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
"$bin" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/sonde"
"$bin" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_sonde"
"$bin" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/sonde.fish"
install -D -m 0644 -t "$root/usr/share/sonde/examples" examples/*.yml
install -D -m 0644 -t "$root/usr/share/sonde/themes" themes/*.yml
install -D -m 0644 README.md "$root/usr/share/doc/sonde/README.md"
cat > "$root/usr/share/doc/sonde/copyright" <<COPY
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: sonde
Comment: built from commit $("$bin" --version | sed -n 's/.*commit \([^)]*\)).*/\1/p'); the Swift
 runtime, Foundation and the Swift packages in Package.swift are linked in, under their own
 licences (Apache-2.0, MIT).
COPY

# Depends: from the shared libraries the binary really links (dpkg-shlibdeps reads the symbols
# files of the packages that hold them), so a new link can never be missing from the package.
mkdir -p "$work/shlibs/debian"
printf 'Source: sonde\n\nPackage: sonde\nArchitecture: any\n' > "$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$root/usr/bin/sonde" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies for $bin" >&2; exit 1; }

install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: sonde
Version: $version
Architecture: $arch
Maintainer: Sonde developers <sonde@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: ncurses-term
Section: admin
Priority: optional
Homepage: https://github.com/sonde/sonde
Description: live terminal dashboard for a deployed environment
$(sed 's/^/ /' packaging/description.txt)
CONTROL

mkdir -p dist
deb=dist/sonde_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "== $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Version Depends
