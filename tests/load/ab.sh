#!/usr/bin/env bash
# Two builds of kuza compared on the same data, turn by turn.
#
# Usage: BEFORE=/path/to/kuza AFTER=/path/to/kuza tests/load/ab.sh [label]
# Env:   ROUNDS=3 DURATION=10s WARMUP=3s CONNS=32 THREADS=2 COURSES=300
#        LEARNERS=20000 PROGRESS=200000 WRITERS=200 WRITE_COURSES=40
#        WRITE_DURATION=5s BACKENDS="sqlite postgres"
#        PGURL_BASE=postgres://postgres@127.0.0.1:5432 PG_DB=kuza_ab
#        READS=0   only the writes (enrolments, completions, submissions)
#        ANCHOR=1  also run the bare-actix anchor first, in the same run
#                  ($OUT/anchor.tsv), for each build's ratio to the ceiling
#
# bench.sh measures one build, and this machine's throughput drifts by
# 10-20 % over the minutes a run takes: two runs of bench.sh cannot tell a
# 5 % change from the drift. Here one database per backend is prepared once
# (with AFTER: the schema must be the same for both), then each round runs
# both builds one after the other, in alternating order, over the same
# pages and writes as bench.sh (each build's writes by other generated
# learners). The report gives each build's median over the rounds and the
# ratio AFTER / BEFORE per measure; a change smaller than the spread
# between rounds is no change.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-ab}
: "${BEFORE:?BEFORE=/path/to/the/old/kuza}" "${AFTER:?AFTER=/path/to/the/new/kuza}"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
COURSES=${COURSES:-300}
LEARNERS=${LEARNERS:-20000}
PROGRESS=${PROGRESS:-200000}
WRITERS=${WRITERS:-200}
WRITE_COURSES=${WRITE_COURSES:-40}
WRITE_DURATION=${WRITE_DURATION:-5s}
BACKENDS=${BACKENDS:-sqlite postgres}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kuza_ab}
OUT=$ROOT/bench-out/$LABEL
PORT=18481
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
printf "backend\tmeasure\tvalue\n" > "$RESULTS"
source "$ROOT/tests/load/lib.sh"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

# One build's turn: the pages and the writes, recorded as "<backend> <build>".
turn() { # backend build binary database-url data-dir first-writer
  local backend=$1 which=$2 url=$4 data=$5 first=$6
  BIN=$3
  local envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789)
  local tag="$backend $which" base="http://127.0.0.1:$PORT" token cookie learner slug lesson lists
  start "${envs[@]}"
  token=$(curl -s -X POST -H 'content-type: application/json' \
    -d '{"email":"learner@example.org","password":"learn-with-kuza"}' "$base/api/v1/auth/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || { log "FAIL: no token"; exit 1; }
  cookie=$(portal_cookie learner@example.org learn-with-kuza)
  local anon="Accept-Language: en"
  if [[ "${READS:-1}" == 1 ]]; then
    measure "$tag" api-me /api/v1/me "Authorization: Bearer $token" '"email":"learner@example.org"'
    measure "$tag" home-signed-in / "Cookie: $cookie" 'Claire Dubois'
    measure "$tag" profile-signed-in /profile "Cookie: $cookie" 'learner@example.org'
    measure "$tag" catalog /courses "$anon" 'class="result"'
    measure "$tag" catalog-search "/courses?q=housing" "$anon" 'class="result"'
    measure "$tag" api-catalog-search "/api/v1/catalog?q=housing" "$anon" '"total":'
    measure "$tag" course-page /courses/urban-planning-0001 "$anon" 'syllabus'
    learner=learner-000001@generated.example.org
    read -r slug lesson <<< "$(python3 "$ROOT/tests/load/learners.py" pick "$base" "$learner" learn-at-scale-2026)"
    cookie=$(portal_cookie "$learner" learn-at-scale-2026)
    measure "$tag" learner-course-page "/courses/$slug" "Cookie: $cookie" '<progress'
    measure "$tag" learner-lesson-page "/courses/$slug/lessons/$lesson" "Cookie: $cookie" 'name="csrf"'
  fi
  lists=$(mktemp -d)
  python3 "$ROOT/tests/load/learners.py" prepare "$base" "$lists" "$first" "$WRITERS" "$WRITE_COURSES" >> "$OUT/bench.log"
  writes "$tag" enrol "$lists/enrol.tsv" "$url" "SELECT COUNT(*) FROM enrollments"
  python3 "$ROOT/tests/load/learners.py" lessons "$base" "$lists" >> "$OUT/bench.log"
  writes "$tag" lesson-complete "$lists/complete.tsv" "$url" "SELECT COUNT(*) FROM lesson_progress"
  python3 "$ROOT/tests/load/learners.py" attempts "$base" "$lists" >> "$OUT/bench.log"
  writes "$tag" quiz-submit "$lists/submit.tsv" "$url" "SELECT COUNT(*) FROM quiz_attempts WHERE submitted_at IS NOT NULL"
  stop
  rm -rf "$lists"
}

compare() { # backend database-url
  local backend=$1 url=$2 data first=10001 round order
  data=$(mktemp -d)
  local envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789)
  log "$backend: preparing the data with AFTER"
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$AFTER" migrate > /dev/null
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$AFTER" demo > /dev/null
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$AFTER" generate-catalog --courses "$COURSES" --lessons 10 >> "$OUT/bench.log"
  env "${envs[@]}" KUZA_LOG_LEVEL=warn "$AFTER" generate-learners --learners "$LEARNERS" --progress "$PROGRESS" >> "$OUT/bench.log"
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 == 1 )); then order="before after"; else order="after before"; fi
    for which in $order; do
      log "$backend round $round: $which"
      if [[ $which == before ]]; then
        turn "$backend" before "$BEFORE" "$url" "$data" "$first"
      else
        turn "$backend" after "$AFTER" "$url" "$data" "$first"
      fi
      first=$((first + WRITERS))
    done
  done
  rm -rf "$data"
}

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
log "before: $BEFORE"
log "after:  $AFTER"
if [[ "${ANCHOR:-0}" == 1 ]]; then run_anchor; fi
for backend in $BACKENDS; do
  case $backend in
    sqlite) compare sqlite "sqlite://$(mktemp -d)/ab.db" ;;
    postgres)
      if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; sleep 2; fi
      psql "$PGURL_BASE/postgres" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
      compare postgres "$PGURL_BASE/$PG_DB" ;;
  esac
done

# Medians per build and the ratio, per measure.
python3 - "$RESULTS" > "$OUT/summary.tsv" <<'PY'
import csv, statistics, sys
runs = {}
for row in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
    if not row["measure"].endswith(" req/s"):
        continue
    backend, which = row["backend"].split()
    runs.setdefault((backend, row["measure"][:-6]), {}).setdefault(which, []).append(float(row["value"]))
print("backend\tmeasure\tbefore (median req/s)\tafter (median req/s)\tafter/before\tbefore runs\tafter runs")
for (backend, measure), w in runs.items():
    b, a = statistics.median(w["before"]), statistics.median(w["after"])
    fmt = lambda xs: " ".join(f"{x:.0f}" for x in xs)
    print(f"{backend}\t{measure}\t{b:.0f}\t{a:.0f}\t{a / b:.2f}\t{fmt(w['before'])}\t{fmt(w['after'])}")
PY
log "done"
column -t -s $'\t' "$OUT/summary.tsv"
