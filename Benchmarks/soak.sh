#!/bin/sh
# A soak of the mock intake: a release build under mixed load for a bounded time, with faults injected, on loopback
# and ports the system picks. Benchmarks/soak.py makes the load and the checks:
#   v1 and v2 series (plain, gzip, deflate, zstd), events, DogStatsD at 20,000 datagrams/s, metric queries,
#   monitors evaluated every 2 s, and the web UI's pages polled;
#   faults: clients that disconnect mid-body, slowloris senders, oversized and malformed bodies, decompression
#   bombs, bursts of malformed DogStatsD lines, a wrong API key;
#   every minute, and at the end: what was acknowledged against what queries return, per minute of data, the
#   intake's RSS, p50/p99 latency per request kind, and each kind of answer, expected or not.
# The intake runs with 6 minutes of retention (--retention-hours 0.1), 5,000 events and 16 MiB of payloads, and one
# metric is written past its 200,000 points, so that every bound is reached and dropped data is counted: memory
# must stay flat once the retention has filled. Exits non-zero on any loss, any unexpected answer, or (runs of
# 10 minutes or more) a bound never reached or RSS grown by over 15 % from the middle third of the run to the last.
# Usage: Benchmarks/soak.sh [MINUTES]   (from the package root; default 30; needs python3, libzstd)
#   INTAKE_BIN=path/to/intake soaks that binary instead of building this tree's; STATSD_RATE=N datagrams/s.
set -eu
MINUTES="${1:-30}"
WORK="$(mktemp -d)"
INTAKE_PID=
trap 'kill $INTAKE_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${INTAKE_BIN:-}" ]; then
    swift build -c release --product intake >/dev/null
    INTAKE_BIN="$(swift build -c release --show-bin-path)/intake"
fi

"$INTAKE_BIN" --port 0 --statsd-port 0 --flush-interval 10 --evaluation-interval 2 --retention-hours 0.1 \
    --max-events 5000 --max-payload-mb 16 > "$WORK/intake.log" 2>&1 &
INTAKE_PID=$!
for _ in $(seq 100); do grep -q '^DogStatsD' "$WORK/intake.log" && break; sleep 0.1; done
URL=$(awk '/^Mock intake HTTP/ {print $NF}' "$WORK/intake.log")
STATSD_PORT=$(awk -F: '/^DogStatsD/ {print $NF}' "$WORK/intake.log")
[ -n "$URL" ] && [ -n "$STATSD_PORT" ] || { echo "intake did not start:" >&2; cat "$WORK/intake.log" >&2; exit 1; }
echo "intake $INTAKE_BIN (pid $INTAKE_PID) at $URL, DogStatsD on UDP $STATSD_PORT; soaking for $MINUTES minutes"

STATUS=0
python3 Benchmarks/soak.py --url "$URL" --statsd-port "$STATSD_PORT" --pid "$INTAKE_PID" --minutes "$MINUTES" \
    --statsd-rate "${STATSD_RATE:-20000}" || STATUS=$?
if ! kill -0 "$INTAKE_PID" 2>/dev/null; then
    echo "FAIL: the intake died during the soak" >&2
    cat "$WORK/intake.log" >&2
    exit 1
fi
# Anything the intake logged beyond its banner: warnings and errors.
if grep -v -e '^Mock intake' -e '^DogStatsD' -e '^API key' -e '^Application key' -e '^$' "$WORK/intake.log"; then
    echo "(the intake's log, above)"
fi
exit $STATUS
