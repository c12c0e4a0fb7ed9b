#!/usr/bin/env bash
# Reports at scale for docs/benchmarks.md, on a release build and PostgreSQL
# (a fresh $PG_DB database):
#   - the demo content, `kuza generate-catalog` ($COURSES courses of 10
#     lessons) and `kuza generate-learners` ($LEARNERS learners, $ENROLMENTS
#     enrolments, $PROGRESS completed lessons, with their organisations and
#     profiles), timed; and the completions' certificates, written by SQL
#     (see below);
#   - each report the administrator reads, timed one request at a time
#     ($REPEAT times; the median and the slowest): the portal page of this
#     year and last, no grouping, by country, region x gender, by course, by
#     month, by cohort, by organisation kind x age band, by provider; its CSV and XLSX
#     exports; the API's JSON; the agency's dashboard; and one organisation's
#     report as its partner coordinator reads it. Every response is checked
#     (status 200 and the expected content);
#   - wrk on the partner's report page and on the administrator's report by
#     country ($HEAVY_CONNS connections: each takes a second or so).
# With ANCHOR=1 the bare-actix anchor runs in the same run (lib.sh), for the
# ratio docs/benchmarks.md states.
#
# Usage: tests/load/reports.sh [label]      (output in bench-out/<label>/)
# Env:   COURSES=1000 LEARNERS=100000 ENROLMENTS=1000000 PROGRESS=10000000
#        REPEAT=5 DURATION=20s WARMUP=5s CONNS=32 HEAVY_CONNS=2 THREADS=2
#        PGURL_BASE=postgres://postgres@127.0.0.1:5432 PG_DB=kuza_bench_reports
#        KEEP=1 (keep the database and skip generating when it is there)
#        ANCHOR=1
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-reports}
COURSES=${COURSES:-1000}
LEARNERS=${LEARNERS:-100000}
ENROLMENTS=${ENROLMENTS:-1000000}
PROGRESS=${PROGRESS:-10000000}
REPEAT=${REPEAT:-5}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
HEAVY_CONNS=${HEAVY_CONNS:-2}
THREADS=${THREADS:-2}
WRITE_DURATION=${WRITE_DURATION:-5s}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kuza_bench_reports}
OUT=$ROOT/bench-out/$LABEL
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/kuza
PORT=18482
mkdir -p "$OUT"

source "$ROOT/tests/load/lib.sh"
release_build_and_results
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; sleep 2; fi
scale_data
# The completions' certificates. Issuing 333,509 through the worker's step
# would take about ten minutes (certificates.sh measures that step); rows of
# the same shape and width (a number, a 2.5 KB credential, the course title,
# a final score for the courses with quizzes, here every other one) are
# written by SQL instead, so the reports read a full certificates table.
if [[ "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM certificates")" == 0 ]]; then
  log "writing the completions' certificates"
  psql "$url" -qX -c "INSERT INTO certificates (public_id, number, enrollment_id, user_id, course_id,
      cohort_id, status, kind, learner_name, course_title, languages, default_language,
      estimated_minutes, course_version, language, completed_at, issued_at, revision,
      created_at, updated_at, credential, final_score)
    SELECT md5(e.id::text), 'KZ-' || to_char(to_timestamp(e.completed_at), 'YYYY') || '-' || e.id,
      e.id, e.user_id, e.course_id, e.cohort_id, 'issued', 'completion', u.display_name,
      c.title::text, 'en', 'en', 600, 1, 'en', e.completed_at, e.completed_at, 1,
      e.completed_at, e.completed_at, repeat('x', 2500),
      CASE WHEN e.id % 2 = 0 THEN 60 + e.id % 41 END
    FROM enrollments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
    WHERE e.status = 'completed'" -c "VACUUM ANALYZE certificates" >/dev/null
fi
for table in users organisations enrollments lesson_progress learning_days certificates; do
  record postgres "rows in $table" "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM $table")"
done

start "${envs[@]}"
admin="Cookie: $(portal_cookie admin@example.org learn-with-kuza)"
partner="Cookie: $(portal_cookie partner@example.org learn-with-kuza)"
[[ "$admin" != "Cookie: kuza_session=" && "$partner" != "Cookie: kuza_session=" ]] || { log "FAIL: no session"; exit 1; }
token=$(curl -s -X POST -H 'content-type: application/json' \
  -d '{"email":"admin@example.org","password":"learn-with-kuza"}' "http://127.0.0.1:$PORT/api/v1/auth/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { log "FAIL: no token"; exit 1; }

year=$(date +%Y)
period="from=$((year - 1))-01-01&to=$(date +%F)"
timed "report page, no grouping" "/reports?$period" "$admin" '<table'
timed "report page, by country" "/reports?$period&by=country" "$admin" '<svg'
timed "report page, region x gender" "/reports?$period&by=region&then=gender" "$admin" '<table'
timed "report page, by course" "/reports?$period&by=course" "$admin" '<svg'
timed "report page, by month" "/reports?$period&by=month" "$admin" '<svg'
timed "report page, by cohort" "/reports?$period&by=cohort" "$admin" '<svg'
timed "report page, organisation kind x age band" "/reports?$period&by=organisation_kind&then=age_band" "$admin" '<table'
timed "report page, by provider" "/reports?$period&by=provider" "$admin" '<svg'
timed "CSV export, by country" "/reports/learning.csv?$period&by=country" "$admin" 'Enrolments'
timed "XLSX export, by country" "/reports/learning.xlsx?$period&by=country" "$admin" 'PK'
timed "API JSON, by country" "/api/v1/reports/learning?$period&by=country" "Authorization: Bearer $token" '"rows"'
timed "dashboard" "/admin/dashboard" "$admin" '<table'
timed "partner's organisation report, by country" "/reports?$period&by=country" "$partner" '<svg'

measure postgres "partner-report-page" "/reports?$period&by=country" "$partner" '<svg'
CONNS=$HEAVY_CONNS measure postgres "admin-report-by-country-c$HEAVY_CONNS" \
  "/reports?$period&by=country" "$admin" '<svg'
stop

if [[ "${ANCHOR:-0}" == 1 ]]; then run_anchor; fi
log "results in $RESULTS"
column -t -s $'\t' "$RESULTS"
if [[ -f "$OUT/anchor.tsv" ]]; then column -t -s $'\t' "$OUT/anchor.tsv" | cut -c1-120; fi
exit 0
