#!/usr/bin/env bash
# Survey results at scale for docs/benchmarks.md, on a release build and
# PostgreSQL (the reports' data, see reports.sh: kept with KEEP=1):
#   - every course's evaluation, made through the API for one course (its
#     standard form, version 1) and written by SQL for the others;
#   - $RESPONDENTS learners answering it (one completed course each):
#     submitted responses with the standard questions' answers (the two
#     agreement scales, the optional facilitator scale for seven in ten,
#     the 0-10 rating, a free text for one in five), written by SQL;
#   - each results page the administrator reads, timed one request at a
#     time ($REPEAT times; the median and the slowest): the standard
#     questions across every course, alone and by country, region, course
#     and month; one course's evaluation by region, with its free text;
#     the CSV and XLSX exports and the API's JSON; and a partner
#     coordinator's (their organisation's members). Every response is
#     checked (status 200 and the expected content);
#   - a needs assessment of the instance, made and published through the
#     API, with $RESPONDENTS responses by SQL (half signed in, half not),
#     its results timed alone, by country, by gender, and as XLSX;
#   - wrk on the partner's results page.
# With ANCHOR=1 the bare-actix anchor runs in the same run (lib.sh).
#
# Usage: tests/load/surveys.sh [label]      (output in bench-out/<label>/)
# Env:   as reports.sh, and RESPONDENTS=100000
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LABEL=${1:-surveys}
COURSES=${COURSES:-1000}
LEARNERS=${LEARNERS:-100000}
ENROLMENTS=${ENROLMENTS:-1000000}
PROGRESS=${PROGRESS:-10000000}
RESPONDENTS=${RESPONDENTS:-100000}
REPEAT=${REPEAT:-5}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
PGURL_BASE=${PGURL_BASE:-postgres://postgres@127.0.0.1:5432}
PG_DB=${PG_DB:-kuza_bench_reports}
OUT=$ROOT/bench-out/$LABEL
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/kuza
PORT=18483
mkdir -p "$OUT"

source "$ROOT/tests/load/lib.sh"
release_build_and_results
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start; sleep 2; fi
scale_data

start "${envs[@]}"
admin="Cookie: $(portal_cookie admin@example.org learn-with-kuza)"
partner="Cookie: $(portal_cookie partner@example.org learn-with-kuza)"
[[ "$admin" != "Cookie: kuza_session=" && "$partner" != "Cookie: kuza_session=" ]] || { log "FAIL: no session"; exit 1; }
token=$(curl -s -X POST -H 'content-type: application/json' \
  -d '{"email":"admin@example.org","password":"learn-with-kuza"}' "http://127.0.0.1:$PORT/api/v1/auth/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { log "FAIL: no token"; exit 1; }

if [[ "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM survey_responses")" == 0 ]]; then
  # One course's evaluation through the API: its standard form, version 1.
  first=$(psql "$url" -qAtX -c "SELECT MIN(course_id) FROM enrollments WHERE status = 'completed'")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$PORT/api/v1/courses/$first/evaluation")
  [[ "$code" == 200 ]] || { log "FAIL: the evaluation of course $first gave $code"; exit 1; }
  log "writing every course's evaluation and $RESPONDENTS learners' answers"
  r0=$(date +%s%N)
  psql "$url" -qX -v ON_ERROR_STOP=1 \
    -c "INSERT INTO surveys (purpose, course_id, title, languages, default_language, anonymous,
          required, draft, version, created_at, updated_at)
        SELECT 'evaluation', c.id, '{}', c.languages, c.default_language, true, false, t.draft, 1,
          t.created_at, t.created_at
        FROM courses c, (SELECT draft, created_at FROM surveys WHERE course_id = $first) t
        WHERE NOT EXISTS (SELECT 1 FROM surveys s WHERE s.course_id = c.id AND s.purpose = 'evaluation')" \
    -c "INSERT INTO survey_versions (survey_id, number, form, created_at)
        SELECT s.id, 1, s.draft, s.created_at FROM surveys s
        WHERE NOT EXISTS (SELECT 1 FROM survey_versions v WHERE v.survey_id = s.id)" \
    -c "INSERT INTO survey_responses (survey_id, version, user_id, enrollment_id, course_id, cohort_id,
          language, page, status, started_at, updated_at, submitted_at)
        SELECT s.id, 1, e.user_id, e.id, e.course_id, e.cohort_id, 'en', 1, 'submitted',
          e.completed_at + 600, e.completed_at + 900, e.completed_at + 900
        FROM (SELECT DISTINCT ON (user_id) id, user_id, course_id, cohort_id, completed_at
              FROM enrollments WHERE status = 'completed' ORDER BY user_id, id LIMIT $RESPONDENTS) e
        JOIN surveys s ON s.course_id = e.course_id AND s.purpose = 'evaluation'" \
    -c "INSERT INTO survey_answers (response_id, survey_id, question, choice, number, text)
        SELECT id, survey_id, 'relevance', k, k + 1, NULL
          FROM (SELECT id, survey_id, (ARRAY[1,2,3,3,4,4,4,4,4,3])[1 + abs(hashint4(id)) % 10] AS k FROM survey_responses) r
        UNION ALL SELECT id, survey_id, 'quality', k, k + 1, NULL
          FROM (SELECT id, survey_id, (ARRAY[0,2,2,3,3,3,4,4,4,4])[1 + abs(hashint4(id + 1)) % 10] AS k FROM survey_responses) r
        UNION ALL SELECT id, survey_id, 'facilitator', k, k + 1, NULL
          FROM (SELECT id, survey_id, abs(hashint4(id + 2)) % 5 AS k FROM survey_responses) r
          WHERE abs(hashint4(id + 3)) % 10 < 7
        UNION ALL SELECT id, survey_id, 'recommend', k, k, NULL
          FROM (SELECT id, survey_id, (ARRAY[3,5,6,7,7,8,8,9,9,10,10])[1 + abs(hashint4(id + 4)) % 11] AS k FROM survey_responses) r
        UNION ALL SELECT id, survey_id, 'improve', NULL, NULL, 'More local case studies and shorter videos, please (' || id || ').'
          FROM survey_responses WHERE id % 5 = 0" \
    -c "VACUUM ANALYZE surveys" -c "VACUUM ANALYZE survey_versions" \
    -c "VACUUM ANALYZE survey_responses" -c "VACUUM ANALYZE survey_answers" >/dev/null
  r1=$(date +%s%N)
  record postgres "surveys, responses and answers written by SQL (s)" "$(( (r1 - r0) / 1000000000 ))"
fi
# A needs assessment of the instance for the public, through the API, and
# $RESPONDENTS answers to it by SQL: half from signed-in people (grouped by
# their country), half from people not signed in (not stated).
needs=$(psql "$url" -qAtX -c "SELECT MIN(id) FROM surveys WHERE purpose = 'needs'")
if [[ -z "$needs" ]]; then
  needs=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"title":{"en":"Training needs"},"audience":"public"}' "http://127.0.0.1:$PORT/api/v1/surveys" \
    | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
  [[ -n "$needs" ]] || { log "FAIL: no needs assessment"; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
    -H 'content-type: application/json' -d '{"publish":true}' "http://127.0.0.1:$PORT/api/v1/surveys/$needs")
  [[ "$code" == 200 ]] || { log "FAIL: publishing the needs assessment gave $code"; exit 1; }
fi
if [[ "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $needs")" == 0 ]]; then
  log "writing $RESPONDENTS answers to needs assessment $needs"
  psql "$url" -qX -1 -v ON_ERROR_STOP=1 \
    -c "INSERT INTO survey_responses (survey_id, version, user_id, language, page, status,
          started_at, updated_at, submitted_at)
        SELECT $needs, 1, CASE WHEN g % 2 = 0 THEN u.id END, 'en', 1, 'submitted',
          EXTRACT(EPOCH FROM now())::bigint - g * 60, EXTRACT(EPOCH FROM now())::bigint - g * 60 + 300,
          EXTRACT(EPOCH FROM now())::bigint - g * 60 + 300
        FROM generate_series(1, $RESPONDENTS) g
        JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) u ON u.n = g" \
    -c "INSERT INTO survey_answers (response_id, survey_id, question, choice, number, text)
        SELECT id, survey_id, 'needs_areas', abs(hashint4(id)) % 3, NULL::double precision, NULL::text
          FROM survey_responses WHERE survey_id = $needs
        UNION ALL SELECT id, survey_id, 'needs_areas', 3 + abs(hashint4(id + 1)) % 4, NULL, NULL FROM survey_responses WHERE survey_id = $needs
        UNION ALL SELECT id, survey_id, 'needs_level', k, k + 1, NULL
          FROM (SELECT id, survey_id, abs(hashint4(id + 2)) % 5 AS k FROM survey_responses WHERE survey_id = $needs) r
        UNION ALL SELECT id, survey_id, 'needs_people', NULL, 1 + abs(hashint4(id + 3)) % 50, NULL
          FROM survey_responses WHERE survey_id = $needs
        UNION ALL SELECT id, survey_id, 'needs_priority', NULL, NULL, 'Data and mapping skills (' || id || ').'
          FROM survey_responses WHERE survey_id = $needs AND id % 5 = 0" >/dev/null
  psql "$url" -qX -c "VACUUM ANALYZE survey_responses" -c "VACUUM ANALYZE survey_answers" >/dev/null
fi
record postgres "responses to the needs assessment" \
  "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $needs")"
for table in surveys survey_responses survey_answers; do
  record postgres "rows in $table" "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM $table")"
done
course=$(psql "$url" -qAtX -c "SELECT course_id FROM survey_responses WHERE course_id IS NOT NULL GROUP BY course_id ORDER BY COUNT(*) DESC LIMIT 1")
record postgres "responses of the course read alone" \
  "$(psql "$url" -qAtX -c "SELECT COUNT(*) FROM survey_responses WHERE course_id = $course")"

year=$(date +%Y)
period="from=$((year - 1))-01-01&to=$(date +%F)"
timed "results, every course" "/reports/evaluations?$period" "$admin" '<svg'
timed "results, every course by country" "/reports/evaluations?$period&by=country" "$admin" '<svg'
timed "results, every course by region" "/reports/evaluations?$period&by=region" "$admin" '<svg'
timed "results, every course by course" "/reports/evaluations?$period&by=course" "$admin" '<svg'
timed "results, every course by month" "/reports/evaluations?$period&by=month" "$admin" '<svg'
timed "results, one course by region (with free text)" "/reports/evaluations?$period&course=$course&by=region" "$admin" 'answers'
timed "results CSV, by country" "/reports/evaluations.csv?$period&by=country" "$admin" 'Total'
timed "results XLSX, by country" "/reports/evaluations.xlsx?$period&by=country" "$admin" 'PK'
timed "results API JSON, by country" "/api/v1/reports/evaluations?$period&by=country" "Authorization: Bearer $token" '"questions"'
timed "needs assessment results (with free text)" "/reports/evaluations?$period&survey=$needs" "$admin" 'answers'
timed "needs assessment results by country" "/reports/evaluations?$period&survey=$needs&by=country" "$admin" '<svg'
timed "needs assessment results by gender" "/reports/evaluations?$period&survey=$needs&by=gender" "$admin" '<svg'
timed "needs assessment results XLSX, by region" "/reports/evaluations.xlsx?$period&survey=$needs&by=region" "$admin" 'PK'
timed "partner's organisation results, by country" "/reports/evaluations?$period&by=country" "$partner" '<svg'

measure postgres "partner-results-page" "/reports/evaluations?$period&by=country" "$partner" '<svg'
stop

if [[ "${ANCHOR:-0}" == 1 ]]; then run_anchor; fi
log "results in $RESULTS"
column -t -s $'\t' "$RESULTS"
if [[ -f "$OUT/anchor.tsv" ]]; then column -t -s $'\t' "$OUT/anchor.tsv" | cut -c1-120; fi
exit 0
