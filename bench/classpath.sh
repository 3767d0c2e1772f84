#!/usr/bin/env bash
# Prints the runtime classpath of the bench module (built with -Pbench).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
mvn -B -q -Pbench -pl bench -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$out" >/dev/null
echo "bench/target/classes:$(cat "$out")"
rm -f "$out"
