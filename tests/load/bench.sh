#!/usr/bin/env bash
# Load and start-up measurements for docs/benchmarks.md.
#
# Usage: tests/load/bench.sh [label]      (output in bench-out/<label>/)
# Env:   DURATION=20s WARMUP=5s CONNS=32 THREADS=2 COURSES=1000
#        LEARNERS=100000 PROGRESS=1000000 WRITERS=300 WRITE_COURSES=60
#        WRITE_DURATION=5s
#        PGURL_BASE=postgres://postgres@127.0.0.1:5432  PG_DB=kuza_bench
#        ANCHOR=1  also run ../shared/anchors/bare-actix/bench.sh in the same
#                  run (copied to a writable folder) for a ratio to the ceiling;
#                  ANCHOR_DIR=... where it is, from a checkout elsewhere
#
# For each backend (SQLite, then PostgreSQL) on a release build:
#   - time from exec to /readyz answering 200, on an empty database (migrations
#     run) and on a migrated one; idle RSS;
#   - wrk -t2 -c32 for GET /api/v1/me (bearer token) and the signed-in portal
#     pages / and /profile (session cookie), with median and p99 latency;
#   - the catalog: `kuza generate-catalog` adds $COURSES courses of 10 lessons
#     (timed), then wrk on the anonymous catalog page /courses (20 results),
#     a search on it, the same search through GET /api/v1/catalog, a
#     two-character Chinese search (the LIKE fallback) and a course page;
#   - learners: `kuza generate-learners` adds $LEARNERS learners with $PROGRESS
#     completed lessons (timed), then wrk on a generated learner's course page
#     and lesson page (signed in), and the write throughput of enrolments,
#     lesson completions and quiz submissions: $WRITERS other generated
#     learners each enrol in $WRITE_COURSES more courses, complete their text
#     lessons and submit their quizzes, every request a new record (see
#     learners.py and each.lua), for $WRITE_DURATION each.
# Every response is checked: wrk's non-2xx count must be 0 and the bytes per
# response must match the page. Loopback only; every process is bounded by
# `timeout` and stopped by an EXIT trap.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-run}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
COURSES=${COURSES:-1000}
LEARNERS=${LEARNERS:-100000}
PROGRESS=${PROGRESS:-1000000}
WRITERS=${WRITERS:-300}
WRITE_COURSES=${WRITE_COURSES:-60}
WRITE_DURATION=${WRITE_DURATION:-5s}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kuza_bench}
OUT=$ROOT/bench-out/$LABEL
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/kuza
PORT=18480
mkdir -p "$OUT"

source "$ROOT/tests/load/lib.sh"
release_build_and_results

bench_backend() { # name database-url
  local backend=$1 url=$2 data
  data=$(mktemp -d)
  local envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789)
  start "${envs[@]}"
  record "$backend" "start to ready, empty database (ms)" "$READY_MS"; log "$backend: ready in $READY_MS ms on an empty database"
  stop
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$BIN" demo > /dev/null
  start "${envs[@]}"
  record "$backend" "start to ready, migrated database (ms)" "$READY_MS"; log "$backend: ready in $READY_MS ms on a migrated database"
  sleep 1
  record "$backend" "idle RSS (MiB)" "$(rss_mib "$SRV")"; log "$backend: idle RSS $(rss_mib "$SRV") MiB"

  local token cookie
  token=$(curl -s -X POST -H 'content-type: application/json' \
    -d '{"email":"learner@example.org","password":"learn-with-kuza"}' "http://127.0.0.1:$PORT/api/v1/auth/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || { log "FAIL: no token"; exit 1; }
  cookie=$(portal_cookie learner@example.org learn-with-kuza)
  [[ "$cookie" != "kuza_session=" ]] || { log "FAIL: no session"; exit 1; }

  measure "$backend" "api-me" "/api/v1/me" "Authorization: Bearer $token" '"email":"learner@example.org"'
  measure "$backend" "home-signed-in" "/" "Cookie: $cookie" 'Claire Dubois'
  measure "$backend" "profile-signed-in" "/profile" "Cookie: $cookie" 'learner@example.org'

  local g0 g1 css
  g0=$(date +%s%N)
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$BIN" generate-catalog --courses "$COURSES" --lessons 10 | tee -a "$OUT/bench.log"
  g1=$(date +%s%N)
  record "$backend" "generate-catalog $COURSES courses x 10 lessons (s)" "$(( (g1 - g0) / 1000000000 ))"
  local anon="Accept-Language: en"
  measure "$backend" "catalog" "/courses" "$anon" 'class="result"'
  measure "$backend" "catalog-search" "/courses?q=housing" "$anon" 'class="result"'
  measure "$backend" "api-catalog-search" "/api/v1/catalog?q=housing" "$anon" '"total":'
  measure "$backend" "api-catalog-search-zh-2-chars" "/api/v1/catalog?q=%E5%9F%8E%E5%B8%82" "$anon" '"total":'
  measure "$backend" "course-page" "/courses/urban-planning-0001" "$anon" 'syllabus'
  css=$(sed -n 's/.*href="\(\/static\/app[^"]*\.css\)".*/\1/p' "$OUT/$backend-catalog.body" | head -1)
  curl -s "http://127.0.0.1:$PORT$css" -o "$OUT/app.css"
  record "$backend" "app.css bytes (raw/gzip)" "$(wc -c < "$OUT/app.css")/$(gzip -6 -n -c < "$OUT/app.css" | wc -c)"

  g0=$(date +%s%N)
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$BIN" generate-learners --learners "$LEARNERS" --progress "$PROGRESS" | tee -a "$OUT/bench.log"
  g1=$(date +%s%N)
  record "$backend" "generate-learners $LEARNERS learners, $PROGRESS completed lessons (s)" "$(( (g1 - g0) / 1000000000 ))"
  local base="http://127.0.0.1:$PORT" learner slug lesson
  learner=learner-000001@generated.example.org
  read -r slug lesson <<< "$(python3 "$ROOT/tests/load/learners.py" pick "$base" "$learner" learn-at-scale-2026)"
  cookie=$(portal_cookie "$learner" learn-at-scale-2026)
  [[ "$cookie" != "kuza_session=" ]] || { log "FAIL: no session for $learner"; exit 1; }
  measure "$backend" "learner-course-page" "/courses/$slug" "Cookie: $cookie" '<progress'
  measure "$backend" "learner-lesson-page" "/courses/$slug/lessons/$lesson" "Cookie: $cookie" 'name="csrf"'

  local lists
  lists=$(mktemp -d)
  python3 "$ROOT/tests/load/learners.py" prepare "$base" "$lists" 50001 "$WRITERS" "$WRITE_COURSES" | tee -a "$OUT/bench.log"
  writes "$backend" enrol "$lists/enrol.tsv" "$url" "SELECT COUNT(*) FROM enrollments"
  python3 "$ROOT/tests/load/learners.py" lessons "$base" "$lists" | tee -a "$OUT/bench.log"
  writes "$backend" lesson-complete "$lists/complete.tsv" "$url" "SELECT COUNT(*) FROM lesson_progress"
  python3 "$ROOT/tests/load/learners.py" attempts "$base" "$lists" | tee -a "$OUT/bench.log"
  writes "$backend" quiz-submit "$lists/submit.tsv" "$url" "SELECT COUNT(*) FROM quiz_attempts WHERE submitted_at IS NOT NULL"
  record "$backend" "RSS after load (MiB)" "$(rss_mib "$SRV")"; log "$backend: RSS after load $(rss_mib "$SRV") MiB"
  stop
  rm -rf "$data" "$lists"
}

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_backend sqlite "sqlite://$(mktemp -d)/bench.db"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; sleep 2; fi
psql "$PGURL_BASE/postgres" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
bench_backend postgres "$PGURL_BASE/$PG_DB"

if [[ "${ANCHOR:-0}" == 1 ]]; then run_anchor; fi
log "done"
column -t -s $'\t' "$RESULTS"
if [[ -f "$OUT/anchor.tsv" ]]; then column -t -s $'\t' "$OUT/anchor.tsv" | cut -c1-120; fi
