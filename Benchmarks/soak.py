#!/usr/bin/env python3
"""The load and the checks of Benchmarks/soak.sh: mixed load on a running intake for a bounded time, faults
injected, and a report of what was acknowledged against what queries return.

Every verified write carries its epoch, the minute its timestamp falls in: the metric name (epoch mod 8, so each
metric holds one epoch's points at a time), a tag `epoch:E` on events and DogStatsD lines. Once an epoch is over
and none of its requests is in flight, the verifier queries it and compares with what the intake acknowledged
(HTTP 202) or, for DogStatsD, with what was sent less what the kernel dropped at the socket. The intake runs with
a short retention, so older epochs age out and are counted as dropped, and one metric is written past its point
bound: the store's limits are reached, and memory must stay flat after warm-up.

Usage: soak.py --url URL --statsd-port PORT --pid PID --minutes M [--rss-log FILE]
(started by Benchmarks/soak.sh, which starts the intake with the bounds this program expects).
"""
import argparse
import ctypes
import ctypes.util
import gzip
import http.client
import json
import math
import multiprocessing
import random
import socket
import sys
import threading
import time
import urllib.parse
import zlib
from collections import defaultdict

API_KEY = "stepwise0tutorial0api0key0000000"
APP_KEY = "stepwise0tutorial0application0key0000000"
EPOCH = 60  # seconds per verified epoch
METRIC_SLOTS = 8  # epoch mod 8 names the metric, so each metric holds one epoch at a time
ENCODINGS = ["identity", "gzip", "deflate", "zstd1"]
POINTS_PER_BATCH = 100
OVERFLOW_BATCH = 500
REPORT_EVERY = 60
# An epoch is verified once it is over by this much (DogStatsD buckets are flushed every 10 s), and declared lost
# only if still short this long after its end (well within the intake's 6 minute retention).
VERIFY_AFTER = 25
GIVE_UP_AFTER = 150


def epoch_of(timestamp):
    return int(timestamp // EPOCH)


class Zstd:
    """zstd compression through libzstd (Python 3.11 has none in its standard library)."""

    def __init__(self):
        self.lib = ctypes.CDLL(ctypes.util.find_library("zstd") or "libzstd.so.1")
        self.lib.ZSTD_compressBound.restype = ctypes.c_size_t
        self.lib.ZSTD_compressBound.argtypes = [ctypes.c_size_t]
        self.lib.ZSTD_compress.restype = ctypes.c_size_t
        self.lib.ZSTD_compress.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                           ctypes.c_int]

    def compress(self, data, level=3):
        bound = self.lib.ZSTD_compressBound(len(data))
        out = ctypes.create_string_buffer(bound)
        size = self.lib.ZSTD_compress(out, bound, data, len(data), level)
        return out.raw[:size]


ZSTD = Zstd()


def encode(body, encoding):
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=1)
    if encoding == "deflate":
        return zlib.compress(body, 1)
    if encoding == "zstd1":
        return ZSTD.compress(body)
    return body


def percentile(values, quantile):
    """Nearest rank, as the intake computes its own percentiles."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(quantile * len(ordered)) - 1))]


class Stats:
    """Latencies per request kind and minute, and answers per kind: expected ones and unexpected ones."""

    def __init__(self, start):
        self.start = start
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)  # (kind, minute) -> seconds
        self.expected = defaultdict(int)  # (kind, outcome) -> count
        self.unexpected = defaultdict(int)  # (kind, outcome) -> count
        self.examples = {}  # (kind, outcome) -> first body seen

    def record(self, kind, seconds, outcome, expected, detail=""):
        minute = int((time.time() - self.start) // 60)
        with self.lock:
            self.latencies[(kind, minute)].append(seconds)
            (self.expected if expected else self.unexpected)[(kind, outcome)] += 1
            if not expected and (kind, outcome) not in self.examples:
                self.examples[(kind, outcome)] = detail[:300]


class Ledger:
    """What the intake acknowledged, per kind and epoch, and what is still in flight."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = defaultdict(int)  # (kind, epoch) -> items
        self.in_flight = defaultdict(int)  # (kind, epoch) -> requests

    def begin(self, kind, epoch):
        with self.lock:
            self.in_flight[(kind, epoch)] += 1

    def end(self, kind, epoch, acked_items):
        with self.lock:
            self.in_flight[(kind, epoch)] -= 1
            self.acked[(kind, epoch)] += acked_items

    def settled(self, kind, epoch):
        with self.lock:
            return self.in_flight[(kind, epoch)] == 0, self.acked[(kind, epoch)]


class Client:
    """One keep-alive HTTP connection to the intake, reopened after any failure."""

    def __init__(self, host, port, timeout=60):
        self.host, self.port, self.timeout = host, port, timeout
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            return response.status, response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise


class Soak:
    def __init__(self, args):
        url = urllib.parse.urlparse(args.url)
        self.host, self.port = url.hostname, url.port
        self.statsd_port = args.statsd_port
        self.pid = args.pid
        self.start = time.time()
        self.deadline = self.start + args.minutes * 60
        self.minutes = args.minutes
        self.statsd_rate = args.statsd_rate
        self.rss_log = args.rss_log
        self.max_points = args.max_points
        self.stop = threading.Event()
        self.stats = Stats(self.start)
        self.ledger = Ledger()
        self.verdicts = {}  # (kind, epoch) -> (acked or sent, found, note)
        self.verdict_lock = threading.Lock()
        self.rss = []  # (seconds since start, kB)
        self.statsd_epochs = multiprocessing.Manager().dict()  # epoch -> (sent, kernel drops, bad lines)
        self.overflow_acked = 0

    # MARK: plumbing

    def timed(self, client, kind, method, path, body=None, headers=None, expect=(202,)):
        """Sends one request; records its latency and whether its answer was the one expected."""
        began = time.monotonic()
        try:
            status, reply = client.request(method, path, body, headers)
        except Exception as error:
            self.stats.record(kind, time.monotonic() - began, type(error).__name__, False, str(error))
            return None, b""
        outcome = str(status)
        self.stats.record(kind, time.monotonic() - began, outcome, status in expect, reply.decode("utf-8", "replace"))
        return status, reply

    def api_headers(self, encoding="identity", read=False):
        headers = {"DD-API-KEY": API_KEY, "Content-Type": "application/json"}
        if encoding != "identity":
            headers["Content-Encoding"] = encoding
        if read:
            headers["DD-APPLICATION-KEY"] = APP_KEY
        return headers

    def paced(self, rate, work):
        """Calls work() about `rate` times a second until the soak ends."""
        interval = 1.0 / rate
        next_time = time.monotonic()
        while not self.stop.is_set():
            work()
            next_time += interval
            delay = next_time - time.monotonic()
            if delay > 0:
                self.stop.wait(delay)
            else:
                next_time = time.monotonic()  # behind: do not burst to catch up

    def spawn(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        return thread

    # MARK: verified writers

    def series_writer(self, version, encoding, rate):
        """Posts 100 points of 1 a request to `/api/{version}/series`, as 4 series of a count metric."""
        client = Client(self.host, self.port)
        kind = f"{version} series {encoding}"

        def one_series(metric, index, now):
            if version == "v2":
                return {"metric": metric, "type": 1, "resources": [{"name": f"host-{index}", "type": "host"}],
                        "points": [{"timestamp": int(now), "value": 1}] * (POINTS_PER_BATCH // 4),
                        "tags": [f"shard:{index}"]}
            return {"metric": metric, "type": "count", "host": f"host-{index}",
                    "points": [[int(now), 1]] * (POINTS_PER_BATCH // 4), "tags": [f"shard:{index}"]}

        def send():
            now = time.time()
            epoch = epoch_of(now)
            metric = f"soak.{version}.{encoding}.e{epoch % METRIC_SLOTS}"
            series = [one_series(metric, index, now) for index in range(4)]
            body = encode(json.dumps({"series": series}).encode(), encoding)
            self.ledger.begin(kind, epoch)
            status, _ = self.timed(client, kind, "POST", f"/api/{version}/series", body, self.api_headers(encoding))
            self.ledger.end(kind, epoch, POINTS_PER_BATCH if status == 202 else 0)

        self.paced(rate, send)

    def event_writer(self, rate):
        client = Client(self.host, self.port)
        kind = "events"

        def send():
            now = time.time()
            epoch = epoch_of(now)
            event = {"title": "Soak event", "text": "An event of the soak, " * 5, "date_happened": int(now),
                     "tags": ["soak:events", f"epoch:{epoch}"], "alert_type": "info"}
            self.ledger.begin(kind, epoch)
            status, _ = self.timed(client, kind, "POST", "/api/v1/events", json.dumps(event), self.api_headers())
            self.ledger.end(kind, epoch, 1 if status == 202 else 0)

        self.paced(rate, send)

    # MARK: load that is not verified point by point

    def overflow_writer(self, rate):
        """Writes one metric past its bound of points, so that the store drops its oldest and counts them."""
        client = Client(self.host, self.port)

        def send():
            now = int(time.time())
            series = [{"metric": "soak.overflow", "type": 3,
                       "points": [{"timestamp": now, "value": i} for i in range(OVERFLOW_BATCH)]}]
            status, _ = self.timed(client, "v2 overflow", "POST", "/api/v2/series", json.dumps({"series": series}),
                                   self.api_headers())
            if status == 202:
                self.overflow_acked += OVERFLOW_BATCH

        self.paced(rate, send)

    def flap_writer(self):
        """A gauge that crosses the monitors' thresholds every 30 s, so that they change state and send emails."""
        client = Client(self.host, self.port)

        def send():
            now = time.time()
            value = 100 if int(now // 30) % 2 else 0
            series = [{"metric": "soak.flap", "type": 3, "points": [{"timestamp": int(now), "value": value}],
                       "tags": ["side:a"]}]
            self.timed(client, "v2 flap", "POST", "/api/v2/series", json.dumps({"series": series}),
                       self.api_headers())

        self.paced(1, send)

    def create_monitors_and_dashboard(self):
        client = Client(self.host, self.port)
        monitors = [
            ("Soak flap", "avg(last_1m):avg:soak.flap{*} by {side} > 50", {"thresholds": {"critical": 50}}),
            ("Soak no data", "avg(last_1m):sum:soak.flap{*} > 1000",
             {"thresholds": {"critical": 1000}, "notify_no_data": True}),
            ("Soak statsd", "sum(last_1m):sum:soak.statsd.count{*}.as_count() > 1",
             {"thresholds": {"critical": 1, "warning": 0.5}}),
        ]
        for name, query, options in monitors:
            body = {"name": name, "type": "metric alert", "query": query,
                    "message": "{{#is_alert}}Over {{threshold}}{{/is_alert}} @soak@example.com", "options": options}
            self.timed(client, "monitor create", "POST", "/api/v1/monitor", json.dumps(body),
                       self.api_headers(read=True), expect=(200,))
        dashboard = {"title": "Soak", "layout_type": "ordered", "widgets": [
            {"definition": {"type": "timeseries", "title": "v2 points",
                            "requests": [{"q": "sum:soak.v2.identity.e0{*} by {shard}", "display_type": "bars"}]}},
            {"definition": {"type": "timeseries", "title": "flap",
                            "requests": [{"q": "avg:soak.flap{*}"}]}},
        ]}
        status, reply = self.timed(client, "dashboard create", "POST", "/api/v1/dashboard", json.dumps(dashboard),
                                   self.api_headers(read=True), expect=(200,))
        return json.loads(reply).get("id") if status == 200 else None

    def query_worker(self, rate):
        client = Client(self.host, self.port)
        queries = [
            "sum:soak.v2.identity.e{slot}{{*}} by {{shard}}.rollup(sum, 10)",
            "avg:soak.v1.gzip.e{slot}{{shard:1}}",
            "sum:soak.statsd.count{{*}} by {{shard}}.as_count()",
            "max:soak.statsd.timing.95percentile{{*}}",
            "avg:soak.overflow{{*}}.rollup(max, 60)",
            "avg:soak.flap{{*}} by {{side}}",
        ]

        def send():
            now = time.time()
            text = random.choice(queries).format(slot=epoch_of(now) % METRIC_SLOTS)
            path = "/api/v1/query?" + urllib.parse.urlencode({"from": int(now) - 900, "to": int(now), "query": text})
            self.timed(client, "query", "GET", path, headers=self.api_headers(read=True), expect=(200,))

        self.paced(rate, send)

    def ui_poller(self, dashboard_id):
        client = Client(self.host, self.port)
        pages = ["/", "/ui/events", "/ui/monitors", "/ui/inbox", "/ui/dashboards",
                 "/ui/metrics?query=" + urllib.parse.quote("sum:soak.statsd.count{*} by {shard}")]
        if dashboard_id:
            pages.append(f"/ui/dashboards/{dashboard_id}")
        index = 0

        def send():
            nonlocal index
            page = pages[index % len(pages)]
            index += 1
            self.timed(client, "ui " + page.split("?")[0], "GET", page, expect=(200,))

        self.paced(2, send)

    # MARK: faults

    def raw(self, data, read_reply=True):
        """Sends raw bytes on a fresh connection; returns the status line's code, or None if none came."""
        with socket.create_connection((self.host, self.port), timeout=60) as sock:
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the intake may answer and close before reading a body it refuses
            if not read_reply:
                return None
            reply = b""
            try:
                while b"\r\n" not in reply:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    reply += chunk
            except ConnectionResetError:
                pass
        parts = reply.split(b" ", 2)
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None

    def request_bytes(self, path, body, headers, content_length=None):
        lines = [f"POST {path} HTTP/1.1", f"Host: {self.host}", f"DD-API-KEY: {API_KEY}",
                 f"Content-Length: {len(body) if content_length is None else content_length}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    def fault_injector(self):
        """One fault every half second, in turn; each has the answer it must get."""
        zeros = b"\0" * (50 << 20)
        bombs = {"gzip": gzip.compress(zeros, 9), "deflate": zlib.compress(zeros, 9), "zstd1": ZSTD.compress(zeros)}
        del zeros
        oversized = json.dumps({"series": [{"metric": "soak.fault.oversized", "points": [
            {"timestamp": int(time.time()), "value": 1}] * 30_000}]}).encode()
        client = Client(self.host, self.port)
        partial = json.dumps({"series": [{"metric": "soak.fault.partial", "points": [
            {"timestamp": int(time.time()), "value": 1}] * 200}]}).encode()

        def mid_body_disconnect():
            started = time.monotonic()
            self.raw(self.request_bytes("/api/v2/series", partial[: len(partial) // 2], {},
                                        content_length=len(partial)), read_reply=False)
            self.stats.record("fault mid-body disconnect", time.monotonic() - started, "closed", True)

        def oversized_body():
            started = time.monotonic()
            status = self.raw(self.request_bytes("/api/v2/series", oversized, {}))
            self.stats.record("fault oversized", time.monotonic() - started, str(status), status == 413)

        def bomb(encoding):
            def send():
                self.timed(client, f"fault bomb {encoding}", "POST", "/api/v2/series", bombs[encoding],
                           self.api_headers(encoding), expect=(413,))
            return send

        def malformed(kind, body, headers, expect):
            def send():
                self.timed(client, f"fault {kind}", "POST", "/api/v2/series", body, headers, expect=expect)
            return send

        faults = [
            mid_body_disconnect, oversized_body, bomb("gzip"), bomb("deflate"), bomb("zstd1"),
            malformed("malformed json", b'{"series": [{"metric": ', self.api_headers(), (400,)),
            malformed("wrong type", b'{"series": [{"metric": "soak.fault.type", "points": "many"}]}',
                      self.api_headers(), (400,)),
            malformed("bad gzip", b"\x1f\x8b\x08\x00garbage", self.api_headers("gzip"), (400,)),
            malformed("unknown encoding", b"{}", self.api_headers("br"), (415,)),
            malformed("wrong key", b'{"series": []}', {"DD-API-KEY": "wrong"}, (403,)),
        ]
        index = 0

        def inject():
            nonlocal index
            fault = faults[index % len(faults)]
            index += 1
            try:
                fault()
            except Exception as error:
                self.stats.record(f"fault {getattr(fault, '__name__', 'send')}", 0, type(error).__name__, False,
                                  str(error))

        self.paced(2, inject)

    def slow_sender(self, number):
        """Slowloris: a request written one byte every half second, then its answer must still come."""
        while not self.stop.is_set():
            if number % 2:
                kind, data = "fault slow headers", (
                    f"GET /api/v1/validate HTTP/1.1\r\nHost: {self.host}\r\nDD-API-KEY: {API_KEY}\r\n"
                    "X-Slow: " + "s" * 20 + "\r\n\r\n").encode()
                expect = 200
            else:
                body = b'{"slow": "' + b"b" * 40 + b'"}'
                kind, data = "fault slow body", self.request_bytes("/mock/noop", body, {})
                expect = 202
            started = time.monotonic()
            try:
                with socket.create_connection((self.host, self.port), timeout=60) as sock:
                    for offset in range(len(data)):
                        if self.stop.is_set():
                            return
                        sock.sendall(data[offset:offset + 1])
                        time.sleep(0.5 if offset % 10 == 0 else 0.05)
                    reply = sock.recv(4096)
                status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/") else None
                self.stats.record(kind, time.monotonic() - started, str(status), status == expect)
            except Exception as error:
                self.stats.record(kind, time.monotonic() - started, type(error).__name__, False, str(error))

    # MARK: DogStatsD, in a process of its own so that its loop does not hold the other threads' interpreter lock

    def start_statsd(self):
        process = multiprocessing.Process(
            target=statsd_sender,
            args=(self.host, self.statsd_port, self.statsd_rate, self.deadline, self.statsd_epochs), daemon=True)
        process.start()
        return process

    # MARK: verification

    def query_count(self, client, query, start, end):
        path = "/api/v1/query?" + urllib.parse.urlencode({"from": start, "to": end, "query": query})
        status, reply = self.timed(client, "verify query", "GET", path, headers=self.api_headers(read=True),
                                   expect=(200,))
        if status != 200:
            return None
        return sum(value for series in json.loads(reply)["series"] for _, value in series["pointlist"]
                   if value is not None)

    def events_count(self, client, epoch):
        start, end = epoch * EPOCH, epoch * EPOCH + EPOCH - 1
        path = "/api/v1/events?" + urllib.parse.urlencode(
            {"start": start, "end": end, "tags": f"soak:events,epoch:{epoch}"})
        status, reply = self.timed(client, "verify events", "GET", path, headers=self.api_headers(read=True),
                                   expect=(200,))
        return len(json.loads(reply)["events"]) if status == 200 else None

    def found(self, client, kind, epoch):
        """What the intake holds for one kind and epoch."""
        start, end = epoch * EPOCH, epoch * EPOCH + EPOCH - 1
        slot = epoch % METRIC_SLOTS
        if kind == "events":
            return self.events_count(client, epoch)
        if kind == "dogstatsd":
            # Stamped by arrival, in 10 s buckets: a line sent at an epoch's end may land in the next one's range.
            total = self.query_count(client, f"sum:soak.statsd.count{{epoch:{epoch}}}.as_count().rollup(sum, 3600)",
                                     start - EPOCH, end + EPOCH)
            return None if total is None else round(total)
        route, encoding = kind.split(" ")[0], kind.split(" ")[-1]
        return self.query_count(client, f"sum:soak.{route}.{encoding}.e{slot}{{*}}.rollup(count, 3600)", start, end)

    def expected(self, kind, epoch):
        """(settled, expected count, note) for one kind and epoch."""
        if kind == "dogstatsd":
            record = self.statsd_epochs.get(epoch)
            if record is None:
                return False, 0, ""
            sent, dropped, _ = record
            return True, sent - dropped, f"sent {sent}, kernel dropped {dropped}"
        settled, acked = self.ledger.settled(kind, epoch)
        return settled, acked, ""

    def verify(self, client, kind, epoch, final=False):
        """Compares one epoch; returns True once it has a verdict."""
        settled, expected, note = self.expected(kind, epoch)
        if not settled:
            return False
        found = self.found(client, kind, epoch)
        age = time.time() - (epoch + 1) * EPOCH
        if found != expected and not final and age < GIVE_UP_AFTER:
            return False  # DogStatsD's timer may not have flushed the epoch's last bucket yet
        with self.verdict_lock:
            self.verdicts[(kind, epoch)] = (expected, found, note)
        return True

    def kinds(self):
        return ([f"v2 series {e}" for e in ENCODINGS] + [f"v1 series {e}" for e in ("identity", "gzip", "deflate")]
                + ["events", "dogstatsd"])

    def verifier(self):
        client = Client(self.host, self.port)
        first = epoch_of(self.start)
        next_epoch = {kind: first for kind in self.kinds()}
        while not self.stop.wait(5):
            for kind in self.kinds():
                epoch = next_epoch[kind]
                while time.time() > (epoch + 1) * EPOCH + VERIFY_AFTER and self.verify(client, kind, epoch):
                    epoch += 1
                next_epoch[kind] = epoch
        return next_epoch

    def verify_rest(self, next_epoch):
        """After the load stopped: flush DogStatsD and verify every epoch not yet verified."""
        client = Client(self.host, self.port)
        self.timed(client, "flush", "POST", "/mock/flush", expect=(200,))
        last = epoch_of(time.time())
        for kind in self.kinds():
            for epoch in range(next_epoch[kind], last + 1):
                deadline = time.time() + 60
                while not self.verify(client, kind, epoch, final=time.time() > deadline):
                    time.sleep(1)

    # MARK: memory and the report

    def rss_sampler(self):
        while not self.stop.wait(5):
            self.sample_rss()

    def sample_rss(self):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            return
        self.rss.append((time.time() - self.start, kb))
        if self.rss_log:
            with open(self.rss_log, "a") as log:
                log.write(f"{time.time() - self.start:.0f} {kb}\n")

    def health(self):
        status, reply = Client(self.host, self.port).request("GET", "/mock/health")
        return json.loads(reply) if status == 200 else {}

    def reporter(self):
        while not self.stop.wait(REPORT_EVERY):
            self.report(final=False)

    def report(self, final):
        elapsed = time.time() - self.start
        print(f"\n=== soak {'final report' if final else 'report'} at {elapsed / 60:.1f} min ===", flush=True)
        health = self.health()
        print("health: " + ", ".join(f"{key} {value:,}" for key, value in sorted(health.items())))
        if health:
            print(f"held now (accepted less dropped): points {health['accepted_points'] - health['dropped_points']:,}, "
                  f"events {health['events'] - health['dropped_events']:,}, "
                  f"payloads {health['payloads'] - health['dropped_payloads']:,}")
        if self.rss:
            print("RSS (MiB) per minute: " + " ".join(
                f"{int(t // 60)}:{kb / 1024:.0f}" for t, kb in self.rss_per_minute()))
        with self.stats.lock:
            latencies = dict(self.stats.latencies)
            expected = dict(self.stats.expected)
            unexpected = dict(self.stats.unexpected)
            examples = dict(self.stats.examples)
        kinds = sorted({kind for kind, _ in latencies})
        minutes = sorted({minute for _, minute in latencies})
        print("latency ms, p50/p99 per minute (last 5 minutes) and whole run:")
        for kind in kinds:
            recent = [f"{m}:{self.ms(latencies.get((kind, m)), 0.5)}/{self.ms(latencies.get((kind, m)), 0.99)}"
                      for m in minutes[-5:] if latencies.get((kind, m))]
            everything = [v for (k, _), values in latencies.items() if k == kind for v in values]
            print(f"  {kind:28} n={len(everything):>7,}  all {self.ms(everything, 0.5)}/{self.ms(everything, 0.99)}"
                  f"  {' '.join(recent)}")
        print("answers: expected " + ", ".join(f"{k} {o}: {n:,}" for (k, o), n in sorted(expected.items())))
        if unexpected:
            print("UNEXPECTED: " + ", ".join(f"{k} {o}: {n:,}" for (k, o), n in sorted(unexpected.items())))
            for (kind, outcome), body in sorted(examples.items()):
                print(f"  first {kind} {outcome}: {body}")
        with self.verdict_lock:
            verdicts = dict(self.verdicts)
        totals = defaultdict(lambda: [0, 0, 0, 0])  # kind -> epochs, expected, found, lost epochs
        for (kind, epoch), (want, got, note) in verdicts.items():
            total = totals[kind]
            total[0] += 1
            total[1] += want
            total[2] += got or 0
            if got != want:
                total[3] += 1
                print(f"  LOSS {kind} epoch {epoch}: expected {want}, queries return {got} {note}")
        print("verified (acknowledged, or sent less kernel drops for DogStatsD, against what queries return):")
        for kind in self.kinds():
            epochs, want, got, lost = totals[kind]
            print(f"  {kind:20} {epochs:>3} epochs  acknowledged {want:>10,}  returned {got:>10,}  "
                  f"{'LOST in ' + str(lost) + ' epochs' if lost else 'zero lost'}")
        sent = sum(record[0] for record in self.statsd_epochs.values())
        dropped = sum(record[1] for record in self.statsd_epochs.values())
        bad = sum(record[2] for record in self.statsd_epochs.values())
        print(f"DogStatsD: {sent:,} datagrams sent ({bad:,} bad lines among them), kernel dropped {dropped:,} at the "
              f"socket (/proc/net/udp), intake counted {health.get('statsd_packets', 0):,} packets and "
              f"{health.get('malformed_lines', 0):,} malformed lines")
        print(f"overflow metric: {self.overflow_acked:,} points acknowledged", flush=True)
        return verdicts, unexpected, health

    def rss_per_minute(self):
        per_minute = {}
        for seconds, kb in self.rss:
            per_minute[int(seconds // 60) * 60] = kb  # the minute's last sample
        return sorted(per_minute.items())

    @staticmethod
    def ms(values, quantile):
        return f"{percentile(values, quantile) * 1000:.1f}" if values else "-"

    # MARK: the run

    def run(self):
        self.sample_rss()
        dashboard_id = self.create_monitors_and_dashboard()
        statsd = self.start_statsd()
        threads = []
        for encoding in ENCODINGS:
            threads.append(self.spawn(self.series_writer, "v2", encoding, 5))
        for encoding in ("identity", "gzip", "deflate"):
            threads.append(self.spawn(self.series_writer, "v1", encoding, 3))
        threads += [
            self.spawn(self.event_writer, 20),
            self.spawn(self.overflow_writer, 4),
            self.spawn(self.flap_writer),
            self.spawn(self.query_worker, 5),
            self.spawn(self.ui_poller, dashboard_id),
            self.spawn(self.fault_injector),
            self.spawn(self.rss_sampler),
            self.spawn(self.reporter),
        ]
        threads += [self.spawn(self.slow_sender, number) for number in range(8)]
        result = {}
        verifier = threading.Thread(target=lambda: result.update(next_epoch=self.verifier()), daemon=True)
        verifier.start()
        while time.time() < self.deadline:
            time.sleep(1)
        self.stop.set()
        statsd.join()
        verifier.join()
        for thread in threads:
            thread.join(timeout=90)
        self.verify_rest(result["next_epoch"])
        self.sample_rss()
        return self.verdict()

    def verdict(self):
        verdicts, unexpected, health = self.report(final=True)
        failures = []
        lost = [key for key, (want, got, _) in verdicts.items() if got != want]
        if lost:
            failures.append(f"{len(lost)} epochs with loss")
        if unexpected:
            failures.append(f"{sum(unexpected.values())} unexpected answers or errors")
        for metric in ("soak.fault.partial", "soak.fault.oversized"):
            stored = self.query_count(Client(self.host, self.port), f"sum:{metric}{{*}}.rollup(count, 3600)",
                                      int(self.start) - 60, int(time.time()) + 60)
            if stored:
                failures.append(f"{stored} points of {metric} stored from refused requests")
        overflow = self.query_count(Client(self.host, self.port), "sum:soak.overflow{*}.rollup(count, 3600)",
                                    int(self.start) - 60, int(time.time()) + 60)
        print(f"overflow metric holds {overflow:,} points (bound {self.max_points:,}); dropped and counted: "
              f"points {health.get('dropped_points', 0):,}, events {health.get('dropped_events', 0):,}, "
              f"payloads {health.get('dropped_payloads', 0):,}")
        if overflow is None or overflow > self.max_points:
            failures.append(f"the overflow metric holds {overflow} points, over its bound")
        if self.minutes >= 10:
            drops = [health.get(key, 0) for key in ("dropped_points", "dropped_events", "dropped_payloads")]
            if not all(drops):
                failures.append(f"a bound was never reached (dropped points/events/payloads: {drops})")
            failures += self.memory_verdict()
        print("\nverdict: " + ("FAIL: " + "; ".join(failures) if failures else "zero lost, no unexpected error"),
              flush=True)
        return 1 if failures else 0

    def memory_verdict(self):
        """RSS is flat when the median of the run's last third is within 15 % of the median of its middle third.
        Both thirds start after the 6 minute retention has filled; single samples swing by 10 % with the allocator
        while the data held stays the same, so the verdict compares medians, not the first sample and the last."""
        duration = self.deadline - self.start
        middle = [kb for seconds, kb in self.rss if duration / 3 <= seconds < 2 * duration / 3 and seconds >= 8 * 60]
        last = [kb for seconds, kb in self.rss if seconds >= 2 * duration / 3]
        if not middle or not last:
            return []
        start_kb, end_kb = self.rss[0][1], self.rss[-1][1]
        middle_kb, last_kb = percentile(middle, 0.5), percentile(last, 0.5)
        print(f"RSS: start {start_kb / 1024:.0f} MiB, median of the middle third {middle_kb / 1024:.0f} MiB "
              f"(range {min(middle) / 1024:.0f}-{max(middle) / 1024:.0f}), median of the last third "
              f"{last_kb / 1024:.0f} MiB (range {min(last) / 1024:.0f}-{max(last) / 1024:.0f}), end "
              f"{end_kb / 1024:.0f} MiB ({(last_kb - middle_kb) / middle_kb:+.1%} between the medians)")
        if last_kb > middle_kb * 1.15:
            return [f"RSS grew {(last_kb - middle_kb) / middle_kb:.0%} from the middle third of the run to the last"]
        return []


def udp_drops(port):
    """The kernel's drop counter of the UDP socket bound to `port` (the last column of /proc/net/udp)."""
    suffix = f":{port:04X}"
    with open("/proc/net/udp") as table:
        for line in table.readlines()[1:]:
            fields = line.split()
            if fields[1].endswith(suffix):
                return int(fields[-1])
    return 0


BAD_LINES = [b"soak.bad", b"soak.bad:1|zz", b":1|c", b"soak.bad:abc|c", b"soak.bad:1|c|@x", b"soak.bad:1",
             b"\xff\xfe\x00garbage", b"_e{5,3}:ab", b"_sc|soak|9", b"soak.bad:1|c|#" + b"t" * 300 + b"|@"]


def statsd_sender(host, port, rate, deadline, epochs):
    """Sends DogStatsD datagrams at `rate` a second until `deadline`. Each datagram holds exactly one line of the
    verified counter `soak.statsd.count`, tagged with its epoch, so that datagrams the kernel dropped are lines lost
    to the verified count one for one; some also carry other kinds, and one in 50 a burst of malformed lines.
    Per epoch it publishes (datagrams sent, dropped by the kernel at the intake's socket, malformed lines sent)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    extras = [b"soak.statsd.gauge:42|g", b"soak.statsd.timing:12.5|ms|@0.5", b"soak.statsd.set:user7|s",
              b"soak.statsd.hist:3|h", b"soak.statsd.dist:7|d"]
    current, sent, bad, dropped_at_start = None, 0, 0, udp_drops(port)
    batch = max(1, rate // 100)  # datagrams per 10 ms tick
    next_tick = time.monotonic()
    count = 0
    while time.time() < deadline:
        now = time.time()
        epoch = epoch_of(now)
        if epoch != current:
            if current is not None:
                dropped_now = udp_drops(port)
                epochs[current] = (sent, dropped_now - dropped_at_start, bad)
                dropped_at_start = dropped_now
            current, sent, bad = epoch, 0, 0
        for _ in range(batch):
            count += 1
            lines = [f"soak.statsd.count:1|c|#epoch:{epoch},shard:{count % 10}".encode()]
            if count % 7 == 0:
                lines.append(extras[count % len(extras)])
            if count % 50 == 0:
                burst = [BAD_LINES[(count + i) % len(BAD_LINES)] for i in range(5)]
                lines += burst
                bad += len(burst)
            try:
                sock.sendto(b"\n".join(lines), (host, port))
                sent += 1
            except OSError:
                pass  # a full send buffer: not sent, so not counted
        next_tick += 0.01
        delay = next_tick - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:
            next_tick = time.monotonic()
    time.sleep(0.5)  # let the last datagrams land before reading the drop counter
    epochs[current] = (sent, udp_drops(port) - dropped_at_start, bad)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--statsd-port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--minutes", type=float, required=True)
    parser.add_argument("--statsd-rate", type=int, default=20_000)
    parser.add_argument("--max-points", type=int, default=200_000)
    parser.add_argument("--rss-log")
    args = parser.parse_args()
    sys.exit(Soak(args).run())


if __name__ == "__main__":
    main()
