#!/usr/bin/env bash
# Metrics benchmark: every Spark metrics job on the staging tables written by bench/ingest.sh
# (100k employees, about 10 million sessions), and the engagement roll-up in DuckDB for reference.
# Usage: bench/metrics.sh [work-folder]   (run bench/ingest.sh with the same folder first)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench}"
mvn -B -q -Pbench -DskipTests install
java -Xmx${BENCH_HEAP:-10g} \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -cp "$(bench/classpath.sh)" org.mentoringanalytics.bench.MetricsBenchmark "$work"
