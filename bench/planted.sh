#!/usr/bin/env bash
# Planted-effect recovery: 20 seeded organisations (3,000 employees each by default), the matched
# outcome analysis on each, and per estimand the coverage of the planted hazard ratio by the 95%
# interval and the mean bias of the log hazard ratio.
# Usage: bench/planted.sh [seeds] [headcount] [work-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests install
java -Xmx${BENCH_HEAP:-6g} \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "$(bench/classpath.sh)" org.mentoringanalytics.bench.PlantedEffectBenchmark "${1:-20}" "${2:-3000}" "${3:-target/bench-planted}"
