#!/usr/bin/env bash
# The whole pipeline (ingest, metrics, report: `run`) at 100k employees and about 1M, 3M and 10M
# sessions, each in a fresh warehouse, with the heap of MENTORING_HEAP (default 2g). Prints the wall
# time and peak resident memory of each run side by side, then how time grew from 1M to 10M.
# Generated landing folders are reused. Not part of the test suite.
# Usage: bench/refresh.sh [work-folder] [session-scales...]   (default: target/bench-refresh 2.02 6.06 20.2)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mkdir -p "${1:-target/bench-refresh}" && cd "${1:-target/bench-refresh}" && pwd)"
shift || true
scales=("${@:-2.02 6.06 20.2}")
read -r -a scales <<< "${scales[*]}"
export MENTORING_HEAP="${MENTORING_HEAP:-2g}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
./mvnw -B -q -DskipTests install
# One pseudonymization key for every scale, made on first use.
[[ -f "$work/pseudonym.key" ]] || (umask 077 && head -c 32 /dev/urandom | base64 > "$work/pseudonym.key")

printf '%-8s %12s %10s %14s  %s\n' scale sessions "wall s" "peak RSS MB" "stage times"
first_wall=""
first_sessions=""
for scale in "${scales[@]}"; do
  landing="$work/landing-$scale"
  if [[ ! -f "$landing/landing.properties" ]]; then
    bin/mentoring-analytics generate --output "$landing" --employees 100000 --session-scale "$scale" --seed 42 >/dev/null
  fi
  sessions=0
  for f in "$landing"/sessions/*.csv; do
    sessions=$(( sessions + $(wc -l < "$f") - 1 ))
  done
  rm -rf "$work/warehouse-$scale" "$work/reports-$scale"
  if ! /usr/bin/time -f "%e %M" -o "$work/time-$scale" bin/mentoring-analytics run --landing "$landing" \
      --warehouse "$work/warehouse-$scale" --reports "$work/reports-$scale" --key-file "$work/pseudonym.key" > "$work/run-$scale.log" 2>&1; then
    echo "run failed at session scale $scale: see $work/run-$scale.log" >&2
    tail -5 "$work/run-$scale.log" >&2
    exit 1
  fi
  read -r wall rss < <(tail -1 "$work/time-$scale")
  stages=$(grep -E '^(ingest|metrics) .*, [0-9.]+ s$' "$work/run-$scale.log" \
    | sed -E 's/^([a-z]+).*, ([0-9.]+) s$/\1 \2 s/' | paste -sd',' - || true)
  printf '%-8s %12d %10.1f %14d  %s\n' "$scale" "$sessions" "$wall" $(( rss / 1024 )) "$stages"
  if [[ -z "$first_wall" ]]; then
    first_wall=$wall
    first_sessions=$sessions
  else
    awk -v w="$wall" -v fw="$first_wall" -v s="$sessions" -v fs="$first_sessions" \
      'BEGIN { printf "         %.1fx the sessions of the first scale in %.1fx its time\n", s / fs, w / fw }'
  fi
done
