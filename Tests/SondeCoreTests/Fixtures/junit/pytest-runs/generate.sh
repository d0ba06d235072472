#!/usr/bin/env bash
# Regenerates this folder's reports with the real pytest and plugins (pip: pytest pytest-xdist
# pytest-rerunfailures). Each report has the console summary pytest printed beside it (.console.txt).
# The runs are copied to a scratch folder first, so no __pycache__ lands in the fixtures.
source "$(dirname "$0")/../scratch.sh"
cp -r "$here/project" "$here/collect" "$work/"
export FLAKY_STATE="$work/state" PYTHONDONTWRITEBYTECODE=1
run() { # name, folder, pytest arguments...
    local name="$1" folder="$2"; shift 2
    rm -rf "$FLAKY_STATE"; mkdir -p "$FLAKY_STATE"
    (cd "$work/$folder" && python3 -m pytest -p no:cacheprovider -q -rA "$@" --junitxml="$work/$name.xml") > "$here/$name.console.txt" 2>&1
    # The report's absolute temporary paths and host name vary per run; nothing else is touched.
    cp "$work/$name.xml" "$here/$name.xml"
}
run xunit2 project -p no:xdist -p no:rerunfailures tests
run xunit1 project -p no:xdist -p no:rerunfailures -o junit_family=xunit1 tests
run xdist project -p no:rerunfailures -n 2 tests
run reruns project -p no:xdist --reruns 2 tests
run collection-error collect -p no:xdist -p no:rerunfailures tests
run collection-error-continue collect -p no:xdist -p no:rerunfailures --continue-on-collection-errors tests
python3 -m pip list 2>/dev/null | grep -iE '^(pytest|pytest-xdist|pytest-rerunfailures) ' > "$here/VERSIONS.txt"
python3 --version >> "$here/VERSIONS.txt"
