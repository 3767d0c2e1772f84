#!/usr/bin/env bash
# Ingest benchmark: 100k employees, about 10 million sessions; DuckDB converts the same session
# CSV files as the reference. Prints rows/s for both and their ratio. Not part of the test suite.
# Usage: bench/ingest.sh [work-folder]   (default: target/bench; generated data is reused)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench}"
mvn -B -q -Pbench -DskipTests install
java -Xmx${BENCH_HEAP:-8g} $(bench/java-flags.sh) -cp "$(bench/classpath.sh)" org.mentoringanalytics.bench.IngestBenchmark "$work"
