#!/usr/bin/env bash
# Metrics benchmark: every Spark metrics job on the staging tables written by bench/ingest.sh
# (100k employees, about 10 million sessions), and the engagement roll-up in DuckDB for reference.
# Usage: bench/metrics.sh [work-folder]   (run bench/ingest.sh with the same folder first)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench}"
mvn -B -q -Pbench -DskipTests install
java -Xmx${BENCH_HEAP:-10g} $(bench/java-flags.sh) \
  -cp "$(bench/classpath.sh)" org.mentoringanalytics.bench.MetricsBenchmark "$work"
