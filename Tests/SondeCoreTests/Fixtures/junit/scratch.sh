# Sourced by each runner's generate.sh: `here` is that script's folder, `work` a scratch folder
# (removed on exit) that the project is copied to, so runs leave no caches or paths of this checkout.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
