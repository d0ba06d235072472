#!/usr/bin/env bash
# Regenerates this folder's reports from one unittest project with the real runners
# (pip: unittest-xml-reporting nose2): xmlrunner into a folder (a file per class), xmlrunner into
# one file, and nose2's junitxml plugin. The console summary of each run is beside its report.
source "$(dirname "$0")/../scratch.sh"
cp -r "$here/project" "$work/"
export PYTHONDONTWRITEBYTECODE=1
cd "$work/project"
rm -rf "$here/xmlrunner-folder"
python3 -m xmlrunner discover -s tests -t . -o "$here/xmlrunner-folder" > "$here/xmlrunner-folder.console.txt" 2>&1
python3 -m xmlrunner discover -s tests -t . --output-file "$here/xmlrunner-file.xml" > "$here/xmlrunner-file.console.txt" 2>&1
python3 -m nose2 -s . --plugin nose2.plugins.junitxml --junit-xml --junit-xml-path "$here/nose2.xml" tests > "$here/nose2.console.txt" 2>&1
python3 -m pip list 2>/dev/null | grep -iE '^(unittest-xml-reporting|nose2) ' > "$here/VERSIONS.txt"
python3 --version >> "$here/VERSIONS.txt"
