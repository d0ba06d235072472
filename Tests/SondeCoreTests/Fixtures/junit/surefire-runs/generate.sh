#!/usr/bin/env bash
# Regenerates the Surefire reports of a JUnit 4 and a JUnit 5 project with Debian's Maven,
# Surefire and JUnit packages, offline (apt: maven libsurefire-java junit4 junit5
# maven-debian-helper; settings.xml points Maven at /usr/share/maven-repo). Surefire reruns
# failing tests twice (rerunFailingTestsCount=2). The reports are copied as Surefire wrote them.
source "$(dirname "$0")/../scratch.sh"
for project in junit4 junit5; do
    cp -r "$here/$project" "$work/"
    (cd "$work/$project" && mvn -o -q -B -s "$here/settings.xml" -Dstyle.color=never test) > "$here/$project.console.txt" 2>&1
    rm -rf "$here/$project-reports"; mkdir -p "$here/$project-reports"
    cp "$work/$project"/target/surefire-reports/TEST-*.xml "$here/$project-reports/"
done
{ mvn -v 2>/dev/null | head -n 1; java -version 2>&1 | head -n 1
  dpkg-query -W -f '${Package} ${Version}\n' libsurefire-java junit4 junit5; } > "$here/VERSIONS.txt"
