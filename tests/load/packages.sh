#!/usr/bin/env bash
# SCORM run-time commits for docs/benchmarks.md, on a release build, on
# SQLite and on PostgreSQL: $LEARNERS learners (registered, signed in to
# the portal, enrolled) each launch the SCORM 1.2 test package's lesson
# SCO (tests/packages/scorm12); wrk then sends their commits in turn, as
# scorm-again sends them (text/plain, the whole cmi tree: status, location,
# a score, 2,000 characters of suspend data, three interactions), each
# checked element by element and kept. Every commit must answer 200 and
# the runs' commit counts must grow by exactly the answered requests.
# With ANCHOR=1 the bare-actix anchor runs in the same run (lib.sh).
#
# Usage: tests/load/packages.sh [label]      (output in bench-out/<label>/)
# Env:   LEARNERS=200 CONNS=32 THREADS=2 DURATION=20s WARMUP=5s
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-packages}
LEARNERS=${LEARNERS:-200}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
OUT=$ROOT/bench-out/$LABEL
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/kuza
PORT=18484
mkdir -p "$OUT"

source "$ROOT/tests/load/lib.sh"
release_build_and_results
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; sleep 2; fi

zip=$OUT/scorm12.zip
python3 - "$zip" "$ROOT/tests/packages" <<'PY'
import sys, zipfile
out, root = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(f"{root}/scorm12/imsmanifest.xml", "imsmanifest.xml")
    z.write(f"{root}/sco.html", "sco.html")
    z.write(f"{root}/sco.js", "sco.js")
PY
python3 "$ROOT/tests/load/packages.py" body > "$OUT/commit.json"
log "each commit: $(wc -c < "$OUT/commit.json") bytes"

commits() { # backend database-url
  local backend=$1 url=$2 data=$OUT/data-$1 file="$OUT/$1-commits"
  rm -rf "$data"
  local envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789)
  env "${envs[@]}" "$BIN" demo > /dev/null
  start "${envs[@]}"
  local token
  token=$(curl -s -X POST -H 'content-type: application/json' \
    -d '{"email":"author@example.org","password":"learn-with-kuza"}' "http://127.0.0.1:$PORT/api/v1/auth/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || { log "FAIL: no token"; exit 1; }
  python3 "$ROOT/tests/load/packages.py" prepare "http://127.0.0.1:$PORT" "$token" "$zip" "$LEARNERS" "$file.tsv" | tee -a "$OUT/bench.log"
  REQUESTS=$file.tsv BODY=$OUT/commit.json THREADS=$THREADS timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" \
    -s "$ROOT/tests/load/commits.lua" "http://127.0.0.1:$PORT" > /dev/null
  local sql="SELECT COALESCE(SUM(commits), 0) FROM package_runs" before after reqs rps p50 p99 non2xx
  before=$(python3 "$ROOT/tests/load/learners.py" count "$url" "$sql")
  REQUESTS=$file.tsv BODY=$OUT/commit.json THREADS=$THREADS timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" \
    --latency -s "$ROOT/tests/load/commits.lua" "http://127.0.0.1:$PORT" > "$file.wrk"
  sleep 1 # requests in flight when wrk stopped
  after=$(python3 "$ROOT/tests/load/learners.py" count "$url" "$sql")
  reqs=$(awk '/requests in/ {print $1}' "$file.wrk")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$file.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$file.wrk")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file.wrk"); non2xx=${non2xx:-0}
  [[ "$non2xx" == 0 ]] || { log "FAIL: $backend had $non2xx refused commits"; exit 1; }
  (( after - before >= reqs && after - before <= reqs + CONNS )) \
    || { log "FAIL: $backend kept $((after - before)) commits for $reqs answered"; exit 1; }
  record "$backend" "run-time commits req/s" "$rps"
  record "$backend" "run-time commits p50" "$p50"
  record "$backend" "run-time commits p99" "$p99"
  record "$backend" "run-time commits kept" "$((after - before))"
  record "$backend" "server RSS after (MiB)" "$(rss_mib "$SRV")"
  log "$backend run-time commits: $rps req/s, p50 $p50, p99 $p99, $((after - before)) kept"
  stop
}

commits sqlite "sqlite://$(mktemp -d)/bench.db?mode=rwc"
db=kuza_bench_packages
psql "$PGURL_BASE/postgres" -qX -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
commits postgres "$PGURL_BASE/$db"
[[ "${ANCHOR:-0}" == 1 ]] && run_anchor
log "results in $RESULTS"
