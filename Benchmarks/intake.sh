#!/bin/sh
# Measures the mock intake against its ceilings in the same run:
#   v2 series (100-point batches) and events vs the no-op route POST /mock/noop, with wrk;
#   DogStatsD vs a no-op UDP sink, with a C sender at a fixed rate, counting loss.
#   with "ui": v2 series alone, then while one client polls the six web UI pages back to back, each on a fresh
#   intake; series req/s and p99 in both, and the UI pages served.
# Usage: Benchmarks/intake.sh [DURATION_SECONDS] [ui]   (from the package root; needs wrk, gcc, curl, python3)
#   INTAKE_BIN=path/to/intake measures that binary instead of building this tree's.
set -eu
DURATION="${1:-10}"
MODE="${2:-all}"
PORT=18180
STATSD_PORT=18125
SINK_PORT=18126
RATE=100000
DATAGRAMS=$((RATE * 5))
API_KEY=stepwise0tutorial0api0key0000000
WORK="$(mktemp -d)"
INTAKE_PID=
POLLER_PID=
trap 'kill $INTAKE_PID $POLLER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${INTAKE_BIN:-}" ]; then
    swift build -c release --product intake >/dev/null
    INTAKE_BIN="$(swift build -c release --show-bin-path)/intake"
fi

start_intake() {
    "$INTAKE_BIN" --port "$PORT" --statsd-port "$STATSD_PORT" --flush-interval 10 --evaluation-interval 3600 \
        >/dev/null &
    INTAKE_PID=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/mock/health" >/dev/null && break; sleep 0.1; done
    kill -0 "$INTAKE_PID" || { echo "intake did not start (port $PORT in use?)" >&2; exit 1; }
}

stop_intake() {
    kill "$INTAKE_PID"
    wait "$INTAKE_PID" 2>/dev/null || true
    INTAKE_PID=
}
start_intake

python3 - "$WORK" <<'PY'
import json, sys, time
now = int(time.time())
points = [{"timestamp": now - i, "value": i * 1.5} for i in range(100)]
series = {"series": [{"metric": "bench.points", "type": 3, "points": points,
                      "resources": [{"name": "bench-host", "type": "host"}], "tags": ["env:bench", "team:core"]}]}
open(sys.argv[1] + "/series.json", "w").write(json.dumps(series))
event = {"title": "Deploy finished", "text": "Version 1.2.3 is live", "tags": ["env:bench"], "alert_type": "info"}
open(sys.argv[1] + "/event.json", "w").write(json.dumps(event))
PY
echo "v2 series body: $(wc -c < "$WORK/series.json") bytes, 100 points"

run_wrk() { # PATH BODY CONNECTIONS
    BODY_FILE="$1" DD_API_KEY="$API_KEY" wrk -t2 -c"$3" -d"${DURATION}s" --latency -s Benchmarks/wrk/post.lua \
        "http://127.0.0.1:$PORT$2" > "$WORK/wrk.out"
    RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
    P99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
    ERRORS=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.out")
}

if [ "$MODE" = ui ]; then
    # The six pages a reader keeps open, requested one after another by one client, as long as wrk runs.
    poll_ui() {
        python3 - "$PORT" "$WORK/polls" <<'PY' &
import os, sys, time, urllib.request
port, out = sys.argv[1], sys.argv[2]
pages = ["/", "/ui/events", "/ui/monitors", "/ui/inbox", "/ui/dashboards", "/ui/metrics"]
times = []
while True:
    for page in pages:
        start = time.monotonic()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=60).read()
        except Exception:
            sys.exit(0)
        times.append(time.monotonic() - start)
        with open(out + ".new", "w") as f:  # replaced whole, so a reader never sees it half written
            f.write(f"{len(times)} {sorted(times)[len(times) // 2] * 1000:.1f}\n")
        os.replace(out + ".new", out)
PY
        POLLER_PID=$!
    }
    run_wrk "$WORK/series.json" /api/v2/series 32; QUIET=$RPS; QUIET_P99=$P99
    stop_intake; start_intake
    poll_ui
    run_wrk "$WORK/series.json" /api/v2/series 32; POLLED=$RPS; POLLED_P99=$P99
    kill "$POLLER_PID" 2>/dev/null || true
    wait "$POLLER_PID" 2>/dev/null || true
    POLLER_PID=
    read -r POLLS POLL_MEDIAN < "$WORK/polls"
    stop_intake
    python3 - "$QUIET" "$QUIET_P99" "$POLLED" "$POLLED_P99" "$POLLS" "$POLL_MEDIAN" <<'PY'
import sys
quiet, quiet_p99, polled, polled_p99, polls, poll_median = sys.argv[1:]
print(f"v2 series alone:      {float(quiet):,.0f} req/s, p99 {quiet_p99}")
print(f"v2 series, UI polled: {float(polled):,.0f} req/s, p99 {polled_p99} "
      f"({float(polled) / float(quiet):.0%} of alone); {polls} UI pages served, median {poll_median} ms")
PY
    exit 0
fi

gcc -O2 -o "$WORK/sender" Benchmarks/udp/sender.c
gcc -O2 -o "$WORK/sink" Benchmarks/udp/sink.c

run_wrk "$WORK/series.json" /mock/noop 32;      NOOP_SERIES=$RPS
run_wrk "$WORK/series.json" /api/v2/series 32;  SERIES=$RPS; SERIES_ERRORS=${ERRORS:-0}
run_wrk "$WORK/event.json" /mock/noop 32;       NOOP_EVENTS=$RPS
run_wrk "$WORK/event.json" /api/v1/events 32;   EVENTS=$RPS; EVENTS_P99=$P99; EVENTS_ERRORS=${ERRORS:-0}

python3 - "$NOOP_SERIES" "$SERIES" "$NOOP_EVENTS" "$EVENTS" "$EVENTS_P99" "$SERIES_ERRORS" "$EVENTS_ERRORS" <<'PY'
import sys
noop_series, series, noop_events, events = map(float, sys.argv[1:5])
print(f"v2 series: {series:,.0f} req/s = {series * 100:,.0f} points/s "
      f"(no-op ceiling {noop_series:,.0f} req/s; {series / noop_series:.0%}); non-2xx: {sys.argv[6]}")
print(f"events:    {events:,.0f} req/s, p99 {sys.argv[5]} (no-op ceiling {noop_events:,.0f} req/s; "
      f"{events / noop_events:.0%}); non-2xx: {sys.argv[7]}")
PY

"$WORK/sink" "$SINK_PORT" > "$WORK/sink.out" &
SINK_PID=$!
sleep 0.2
"$WORK/sender" 127.0.0.1 "$SINK_PORT" "$DATAGRAMS" "$RATE" "bench.udp:1|c|#env:bench" > "$WORK/sender-sink.out"
wait "$SINK_PID"
SINK_COUNT=$(cat "$WORK/sink.out")

before=$(curl -s "http://127.0.0.1:$PORT/mock/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["statsd_lines"])')
"$WORK/sender" 127.0.0.1 "$STATSD_PORT" "$DATAGRAMS" "$RATE" "bench.udp:1|c|#env:bench" > "$WORK/sender-intake.out"
sleep 1
after=$(curl -s "http://127.0.0.1:$PORT/mock/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["statsd_lines"])')
echo "DogStatsD at $RATE/s: intake received $((after - before)) of $DATAGRAMS ($(cat "$WORK/sender-intake.out")); \
no-op sink received $SINK_COUNT of $DATAGRAMS"
