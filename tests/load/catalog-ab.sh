#!/usr/bin/env bash
# The catalog's anonymous pages of two builds, turn by turn on one SQLite
# database (a shorter, steadier check than ab.sh for these pages).
#
# Usage: BEFORE=/path/to/kuza AFTER=/path/to/kuza tests/load/catalog-ab.sh
# Env:   ROUNDS=4 DURATION=5s COURSES=300
# Prints each round's req/s per path and build, then the medians and ratio.
set -euo pipefail
: "${BEFORE:?}" "${AFTER:?}"
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-5s}
COURSES=${COURSES:-300}
PORT=18490
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
D=$(mktemp -d)
OUT=$D/out.tsv
export KUZA_DATABASE_URL="sqlite://$D/q.db" KUZA_DATA_DIR=$D KUZA_LOG_LEVEL=warn \
  KUZA_SECRET_KEY=bench-secret-0123456789abcdef0123456789
"$AFTER" migrate >/dev/null
"$AFTER" demo >/dev/null
"$AFTER" generate-catalog --courses "$COURSES" --lessons 10 >/dev/null
P=""
trap '[[ -n "$P" ]] && kill "$P" 2>/dev/null; rm -rf "$D"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then order="before after"; else order="after before"; fi
  for which in $order; do
    bin=$BEFORE; [[ $which == after ]] && bin=$AFTER
    KUZA_BIND=127.0.0.1:$PORT timeout 300 "$bin" serve >/dev/null 2>&1 & P=$!
    for _ in $(seq 1 500); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.02; done
    for path in "/courses?q=housing" "/courses" "/courses/urban-planning-0001" "/api/v1/catalog?q=housing"; do
      wrk -t2 -c32 -d1s -H "Accept-Language: en" "http://127.0.0.1:$PORT$path" >/dev/null
      r=$(wrk -t2 -c32 -d"$DURATION" -H "Accept-Language: en" "http://127.0.0.1:$PORT$path" | awk '/Requests\/sec/ {print $2}')
      printf "%s\t%s\t%s\t%s\n" "$round" "$which" "$path" "$r" | tee -a "$OUT"
    done
    kill "$P"; wait "$P" 2>/dev/null || true; P=""
  done
done
python3 - "$OUT" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    _, which, path, value = line.rstrip("\n").split("\t")
    runs.setdefault(path, {}).setdefault(which, []).append(float(value))
for path, w in runs.items():
    b, a = statistics.median(w["before"]), statistics.median(w["after"])
    print(f"{path}\tbefore {b:.0f}\tafter {a:.0f}\tafter/before {a / b:.2f}")
PY
