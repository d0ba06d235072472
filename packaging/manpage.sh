#!/usr/bin/env bash
# Writes sonde(1) in roff from the binary's own --help, so the page can never disagree with the
# options the binary takes:  packaging/manpage.sh path/to/sonde > sonde.1
set -euo pipefail
sonde=${1:?usage: manpage.sh path/to/sonde}
version=$("$sonde" --version)
here=$(dirname "$0")
# The subcommands as the binary lists them under SUBCOMMANDS: in --help, so a new one gets its section.
subcommands=$("$sonde" --help | awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^  [a-z][a-z-]* / { print $1 } on && /^[^ ]/ { on = 0 }')
[ -n "$subcommands" ] || { echo "manpage.sh: no SUBCOMMANDS in $sonde --help" >&2; exit 1; }

# roff treats a leading . or ' as a request and \ as an escape: quote them.
roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

cat <<ROFF
.TH SONDE 1 "" "sonde $version" "User Commands"
.SH NAME
sonde \- a live terminal dashboard for a deployed environment
.SH SYNOPSIS
.B sonde
[\fISUBCOMMAND\fR] [\fIOPTIONS\fR]
.SH DESCRIPTION
ROFF
roff < "$here/description.txt"
cat <<ROFF
.PP
Example configs are in /usr/share/sonde/examples and themes in /usr/share/sonde/themes.
.PP
.nf
ROFF
"$sonde" --help | roff
echo ".fi"
for sub in $subcommands; do
    echo ".SH \"SONDE $(echo "$sub" | tr '[:lower:]' '[:upper:]')\""
    echo ".nf"
    "$sonde" "$sub" --help | roff
    echo ".fi"
done
cat <<'ROFF'
.SH FILES
.TP
.I ./sonde.yml
the config \fBsonde\fR and \fBsonde watch\fR read when none is named
.TP
.I .sonde-history.sqlite
history, beside the config (\fB\-\-history\fR, \fB\-\-no\-history\fR); when it cannot be opened the
dashboard says so in one line and runs without it
.SH ENVIRONMENT
.TP
.B NO_COLOR
no colours; bold and reverse stay
.TP
.B TERM
the terminal's capabilities; with 8 colours themes degrade to the nearest of the 8
.TP
.BR LANG ", " LC_ALL
a non-UTF-8 locale draws ASCII glyphs and borders
ROFF
