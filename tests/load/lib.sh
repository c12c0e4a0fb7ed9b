# Shell functions for the load scripts (bench.sh, ab.sh, certificates.sh,
# reports.sh), sourced after they set ROOT, OUT, BIN, PORT, THREADS, CONNS,
# DURATION, WARMUP and WRITE_DURATION (and RESULTS, or they call
# release_build_and_results).

PID=""
cleanup() { if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/bench.log"; }
rss_mib() { awk '/^VmRSS:/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

# Checks for wrk, builds the release binary, starts $OUT/results.tsv.
release_build_and_results() {
  command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
  log "building release"
  cargo build --release --locked -p kuza-server 2>&1 | tail -1
  RESULTS=$OUT/results.tsv
  printf "backend\tmeasure\tvalue\n" > "$RESULTS"
}

record() { printf "%s\t%s\t%s\n" "$1" "$2" "$3" >> "$RESULTS"; }

# Starts kuza serve with the environment given; sets PID and READY_MS.
READY_MS=0
SRV=""   # the kuza process itself (PID is its `timeout` wrapper)
start() {
  local t0 t1
  if ss -ltn "sport = :$PORT" | grep -q LISTEN; then log "port $PORT is busy: another server?"; exit 1; fi
  t0=$(date +%s%N)
  env "$@" KUZA_BIND=127.0.0.1:$PORT KUZA_LOG_LEVEL=warn timeout 600 "$BIN" serve > "$OUT/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 2000); do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz" 2>/dev/null | grep -q 200; then break; fi
    kill -0 "$PID" 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
  SRV=$(pgrep -P "$PID" -n)
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; SRV=""; }

measure() { # backend name path header expect-substring
  local backend=$1 name=$2 path=$3 header=$4 expect=$5 file="$OUT/$1-$2"
  local code
  code=$(curl -s -o "$file.body" -w '%{http_code}' -H "$header" "http://127.0.0.1:$PORT$path")
  [[ "$code" == 200 ]] && grep -q "$expect" "$file.body" || { log "FAIL: $name gave $code"; exit 1; }
  timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -H "$header" "http://127.0.0.1:$PORT$path" > /dev/null
  timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "$header" "http://127.0.0.1:$PORT$path" > "$file.wrk"
  local rps p50 p99 non2xx reqs
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$file.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$file.wrk")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file.wrk"); non2xx=${non2xx:-0}
  [[ "$non2xx" == 0 ]] || { log "FAIL: $name had $non2xx non-2xx responses"; exit 1; }
  record "$backend" "$name req/s" "$rps"; record "$backend" "$name p50" "$p50"; record "$backend" "$name p99" "$p99"
  record "$backend" "$name bytes (raw/gzip)" "$(wc -c < "$file.body")/$(gzip -6 -n -c < "$file.body" | wc -c)"
  log "$backend $name: $rps req/s, p50 $p50, p99 $p99"
}

# Sends each request of a learners.py list once (each.lua) and checks that
# every answered request wrote one record (COUNT before and after).
writes() { # backend name requests-file database-url count-sql
  local backend=$1 name=$2 list=$3 url=$4 sql=$5 file="$OUT/$1-$2"
  local before after reqs rps p50 p99 non2xx spare
  before=$(python3 "$ROOT/tests/load/learners.py" count "$url" "$sql")
  REQUESTS=$list THREADS=$THREADS timeout 120 wrk -t"$THREADS" -c"$CONNS" -d"$WRITE_DURATION" --latency \
    -s "$ROOT/tests/load/each.lua" "http://127.0.0.1:$PORT" > "$file.wrk"
  sleep 1 # requests in flight when wrk stopped
  after=$(python3 "$ROOT/tests/load/learners.py" count "$url" "$sql")
  reqs=$(awk '/requests in/ {print $1}' "$file.wrk")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$file.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$file.wrk")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file.wrk"); non2xx=${non2xx:-0}
  spare=$(awk '/^spare requests:/ {print $3}' "$file.wrk")
  [[ "$non2xx" == 0 ]] || { log "FAIL: $name had $non2xx non-2xx responses"; exit 1; }
  [[ "$spare" == 0 ]] || { log "FAIL: $name ran out of requests ($spare spare): raise WRITERS"; exit 1; }
  (( after - before >= reqs && after - before <= reqs + CONNS )) \
    || { log "FAIL: $name wrote $((after - before)) records for $reqs answered requests"; exit 1; }
  record "$backend" "$name req/s" "$rps"; record "$backend" "$name p50" "$p50"; record "$backend" "$name p99" "$p99"
  record "$backend" "$name records written" "$((after - before))"
  log "$backend $name: $rps req/s, p50 $p50, p99 $p99, $((after - before)) records written"
}

# A portal session cookie for email and password.
portal_cookie() {
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=$2" "http://127.0.0.1:$PORT/sign-in"
  echo "kuza_session=$(awk '$6=="kuza_session" {print $7}' "$jar")"
  rm -f "$jar"
}


# The bare-actix anchor's own bench, in this run ($OUT/anchor.tsv): copied to
# a writable folder, where it builds into and runs from its own target/.
run_anchor() {
  local anchor=/var/tmp/kuza-anchor
  mkdir -p "$anchor" && cp -r "${ANCHOR_DIR:-$ROOT/../shared/anchors/bare-actix}/." "$anchor/"
  log "running the bare-actix anchor in $anchor"
  (cd "$anchor" && CARGO_TARGET_DIR="$anchor/target" DURATION=$DURATION WARMUP=$WARMUP QUIET_MAX=30 ./bench.sh "kuza-$LABEL") > "$OUT/anchor.log" 2>&1 || log "anchor failed: see $OUT/anchor.log"
  cp "$anchor/bench-out/kuza-$LABEL/results.tsv" "$OUT/anchor.tsv" 2>/dev/null || true
}

# The data at scale on PostgreSQL ($PG_DB): the demo content,
# `kuza generate-catalog` ($COURSES courses) and `kuza generate-learners`
# ($LEARNERS, $ENROLMENTS, $PROGRESS), timed; kept as it is with KEEP=1 when
# the database exists. Sets $url, $data and the server's $envs.
scale_data() {
  url="$PGURL_BASE/$PG_DB"
  data=$OUT/data
  envs=(KUZA_DATABASE_URL="$url" KUZA_DATA_DIR="$data" KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789 KUZA_LOG_LEVEL=warn)
  exists=$(psql "$PGURL_BASE/postgres" -qAtX -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")
  if [[ "${KEEP:-0}" == 1 && "$exists" == 1 ]]; then
    log "keeping $PG_DB as it is"
  else
    rm -rf "$data"
    psql "$PGURL_BASE/postgres" -qX -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
    env "${envs[@]}" "$BIN" demo > /dev/null
    env "${envs[@]}" "$BIN" generate-catalog --courses "$COURSES" --lessons 10 | tee -a "$OUT/bench.log"
    g0=$(date +%s%N)
    env "${envs[@]}" "$BIN" generate-learners --learners "$LEARNERS" --enrolments "$ENROLMENTS" \
      --progress "$PROGRESS" | tee -a "$OUT/bench.log"
    g1=$(date +%s%N)
    record postgres "generate-learners $LEARNERS learners, $ENROLMENTS enrolments, $PROGRESS lessons (s)" \
      "$(( (g1 - g0) / 1000000000 ))"
    psql "$url" -qX -c "VACUUM ANALYZE" >/dev/null
  fi
}

# Times one request $REPEAT times (after one untimed): median and slowest.
timed() { # name path header expect-substring
  local name=$1 path=$2 header=$3 expect=$4 file="$OUT/postgres-${1//[^a-zA-Z0-9]/-}" times=() code t
  code=$(curl -s -o "$file.body" -w '%{http_code}' -H "$header" -H "Accept-Language: fr" "http://127.0.0.1:$PORT$path")
  [[ "$code" == 200 ]] && grep -aq "$expect" "$file.body" || { log "FAIL: $name gave $code"; exit 1; }
  for _ in $(seq 1 "$REPEAT"); do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$header" -H "Accept-Language: fr" "http://127.0.0.1:$PORT$path")
    [[ "${t%% *}" == 200 ]] || { log "FAIL: $name gave ${t%% *}"; exit 1; }
    times+=("${t#* }")
  done
  local sorted median slowest
  sorted=$(printf "%s\n" "${times[@]}" | sort -g)
  median=$(sed -n "$(( (REPEAT + 1) / 2 ))p" <<< "$sorted")
  slowest=$(tail -1 <<< "$sorted")
  record postgres "$name median (ms)" "$(awk -v s="$median" 'BEGIN {printf "%.0f", s * 1000}')"
  record postgres "$name slowest (ms)" "$(awk -v s="$slowest" 'BEGIN {printf "%.0f", s * 1000}')"
  log "postgres $name: median $(awk -v s="$median" 'BEGIN {printf "%.0f", s * 1000}') ms, slowest $(awk -v s="$slowest" 'BEGIN {printf "%.0f", s * 1000}') ms ($(wc -c < "$file.body") bytes)"
}

