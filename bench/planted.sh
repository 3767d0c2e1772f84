#!/usr/bin/env bash
# Planted-effect recovery: 20 seeded organisations (3,000 employees each by default), the matched
# outcome analysis on each, and per estimand the coverage of the planted hazard ratio by the 95%
# interval and the mean bias of the log hazard ratio.
# Usage: bench/planted.sh [seeds] [headcount] [work-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests install
java -Xmx${BENCH_HEAP:-6g} $(bench/java-flags.sh) \
  -cp "$(bench/classpath.sh)" org.mentoringanalytics.bench.PlantedEffectBenchmark "${1:-20}" "${2:-3000}" "${3:-target/bench-planted}"
