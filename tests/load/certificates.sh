#!/usr/bin/env bash
# Certificates for docs/benchmarks.md, on a release build, for each backend
# (SQLite, then PostgreSQL), on a fresh database:
#   - `kuza bench-certificates`: sign and render $RENDER sample certificates
#     in the six languages (median and p99 of signing, rendering, both), then
#     issue the certificates of $ISSUE completions of generated learners
#     through the worker's step (number, audit record, email and rendering
#     job each), timed: certificates per second for one worker;
#   - wrk on a certificate's public verification page (anonymous, French),
#     every response checked.
# With ANCHOR=1 the bare-actix anchor runs in the same run (lib.sh), for
# the ratio docs/benchmarks.md states.
#
# Usage: tests/load/certificates.sh [label]      (output in bench-out/<label>/)
# Env:   RENDER=300 ISSUE=10000 LEARNERS=12000 COURSES=40 DURATION=20s WARMUP=5s
#        CONNS=32 THREADS=2 PGURL_BASE=postgres://postgres@127.0.0.1:5432
#        PG_DB=kuza_bench_certificates ANCHOR=1
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-certificates}
RENDER=${RENDER:-300}
ISSUE=${ISSUE:-10000}
LEARNERS=${LEARNERS:-12000}
COURSES=${COURSES:-40}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
WRITE_DURATION=${WRITE_DURATION:-5s}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kuza_bench_certificates}
OUT=$ROOT/bench-out/$LABEL
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/kuza
PORT=18481
mkdir -p "$OUT"

source "$ROOT/tests/load/lib.sh"
release_build_and_results

certificates_backend() { # name database-url
  local backend=$1 url=$2 data
  data=$(mktemp -d)
  local envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789 KUZA_LOG_LEVEL=warn)
  env "${envs[@]}" "$BIN" generate-catalog --courses "$COURSES" --lessons 5 > /dev/null
  env "${envs[@]}" "$BIN" generate-learners --learners "$LEARNERS" --progress "$LEARNERS" > /dev/null
  env "${envs[@]}" timeout 1800 "$BIN" bench-certificates --render "$RENDER" --issue "$ISSUE" | tee "$OUT/$backend-bench.txt"
  local line
  line=$(grep "sign and render:" "$OUT/$backend-bench.txt")
  record "$backend" "sign and render, median (ms)" "$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<< "$line")"
  record "$backend" "sign and render, p99 (ms)" "$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<< "$line")"
  line=$(grep "^  sign:" "$OUT/$backend-bench.txt")
  record "$backend" "sign, median (ms)" "$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<< "$line")"
  line=$(grep "^  render:" "$OUT/$backend-bench.txt")
  record "$backend" "render, median (ms)" "$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<< "$line")"
  record "$backend" "PDF bytes (average)" "$(sed -n 's/.*languages, \([0-9]*\) bytes.*/\1/p' "$OUT/$backend-bench.txt")"
  record "$backend" "$ISSUE completions issued (certificates/s)" "$(sed -n 's/.*s: \([0-9]*\) certificates\/s.*/\1/p' "$OUT/$backend-bench.txt")"

  start "${envs[@]}"
  local pid
  if [[ $url == sqlite* ]]; then
    pid=$(sqlite3 "${url#sqlite://}" "SELECT public_id FROM certificates WHERE status = 'issued' LIMIT 1")
  else
    pid=$(psql "$url" -qAtX -c "SELECT public_id FROM certificates WHERE status = 'issued' LIMIT 1")
  fi
  measure "$backend" "verification page" "/certificates/$pid" "Accept-Language: fr" "KZ-"
  stop
}

rm -f "$OUT"/sqlite.db*
certificates_backend sqlite "sqlite://$OUT/sqlite.db"
psql "$PGURL_BASE/postgres" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
certificates_backend postgres "$PGURL_BASE/$PG_DB"
if [[ "${ANCHOR:-0}" == 1 ]]; then run_anchor; fi
log "results in $RESULTS"
column -t -s $'\t' "$RESULTS"
[[ -f "$OUT/anchor.tsv" ]] && column -t -s $'\t' "$OUT/anchor.tsv"
exit 0
