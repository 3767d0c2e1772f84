#!/usr/bin/env bash
# `sql` end to end against a DuckDB process over the same Parquet: each query is answered by
# `bin/mentoring-analytics sql` (a new JVM, the access check, the pinned generation's tables loaded
# into an embedded DuckDB) and by a new DuckDB process (Python's duckdb module, else the duckdb
# command) reading the same safe tables. Prints the median wall time of each and their ratio.
# Not part of the test suite.
# Usage: bench/sql.sh [warehouse] [runs]   (default: the sample, built once in target/bench-sql; 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${2:-5}"
if [[ -n "${1:-}" ]]; then
  warehouse="$(cd "$1" && pwd)"
else
  warehouse="$PWD/target/bench-sql/warehouse"
  [[ -f app/target/mentoring-analytics.jar ]] || ./mvnw -B -q -DskipTests install
  if [[ ! -e "$warehouse/safe" ]]; then
    bin/mentoring-analytics run --warehouse "$warehouse" --reports "$PWD/target/bench-sql/reports" >/dev/null
  fi
fi
if python3 -c 'import duckdb' 2>/dev/null; then
  duckdb_process() { python3 -c 'import duckdb, sys; print(duckdb.sql(sys.argv[1]).fetchall())' "$1"; }
  reference="python3 duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)')"
elif command -v duckdb >/dev/null; then
  duckdb_process() { duckdb -c "$1"; }
  reference="duckdb $(duckdb --version | cut -d' ' -f1)"
else
  echo "needs a DuckDB process to compare with: Python's duckdb module or the duckdb command" >&2
  exit 2
fi

queries=(
  "SELECT program_type, count(*) AS n, avg(sessions) AS sessions FROM mart_match_engagement_monthly GROUP BY program_type ORDER BY 1"
  "SELECT * FROM mart_retention_outcome"
  "SELECT g.program_id, g.completion_rate, count(*) AS months, max(m.median_gap_days) AS gap FROM mart_goals g JOIN mart_engagement_rollup m ON m.dimension = 'program' AND m.value = g.program_id GROUP BY g.program_id, g.completion_rate ORDER BY 1"
)

# Seconds, wall clock, of one command.
wall() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@" >&2 || true; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The same query for DuckDB: each table it names read from the published safe version.
for_duckdb() {
  local sql="$1" views="" table
  for table in $(grep -o -E '\bmart_[a-z0-9_]+' <<< "$sql" | sort -u); do
    views+="CREATE VIEW $table AS SELECT * FROM read_parquet('$warehouse/safe/$table/*.parquet'); "
  done
  echo "$views$sql"
}

echo "warehouse: $warehouse; $runs runs per query; DuckDB process: $reference"
printf '%-60s %10s %10s %7s\n' query "sql s" "DuckDB s" ratio
for sql in "${queries[@]}"; do
  ours=$(for _ in $(seq "$runs"); do wall bin/mentoring-analytics sql --warehouse "$warehouse" --format csv "$sql"; done | median)
  reference_sql="$(for_duckdb "$sql")"
  theirs=$(for _ in $(seq "$runs"); do wall duckdb_process "$reference_sql"; done | median)
  printf '%-60.60s %10.2f %10.2f %6.1fx\n' "$sql" "$ours" "$theirs" "$(echo "$ours / $theirs" | bc -l)"
done
