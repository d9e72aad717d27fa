"""Runs Datadog's official Python clients, datadogpy and datadog-api-client, against a live `intake`.

Usage: clients_test.py PATH_TO_INTAKE_BINARY

It starts the binary on free ports, drives every client family the guide uses, checks what the intake
received through /mock/*, then stops it with SIGTERM and expects a clean exit.
"""

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

API_KEY = "stepwise0tutorial0api0key0000000"
APP_KEY = "stepwise0tutorial0application0key0000000"


def free_port(kind):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=5) as response:
        return json.loads(response.read())


def post(base, path):
    request = urllib.request.Request(base + path, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok -", message)


def run_datadogpy(base, statsd_port):
    from datadog import api, initialize, statsd

    initialize(api_key=API_KEY, app_key=APP_KEY, api_host=base, statsd_host="127.0.0.1", statsd_port=statsd_port)
    now = time.time()

    response = api.Metric.send(metric="py.page.views", points=[(now - 20, 3), (now - 10, 4.5)], tags=["env:dev"])
    check(response.get("status") == "ok", f"datadogpy Metric.send answered ok: {response}")

    response = api.Event.create(title="Deploy", text="v1 shipped", tags=["env:dev"], alert_type="success")
    check(response.get("status") == "ok" and response["event"]["id"] >= 1, "datadogpy Event.create got an id")
    event_id = response["event"]["id"]
    check(api.Event.get(event_id)["event"]["title"] == "Deploy", "datadogpy Event.get reads it back")
    events = api.Event.query(start=int(now) - 60, end=int(now) + 60, tags=["env:dev"])
    check(len(events["events"]) == 1, "datadogpy Event.query filters by tag")

    response = api.ServiceCheck.check(check="py.app.up", host_name="web-1", status=0, message="fine")
    check("errors" not in response, f"datadogpy ServiceCheck.check accepted: {response}")

    monitor = api.Monitor.create(
        type="metric alert",
        query="avg(last_5m):avg:py.page.views{*} > 4",
        name="Page views",
        message="{{#is_alert}}Views at {{value}}{{/is_alert}} @team@example.com",
        options={"thresholds": {"critical": 4}},
    )
    check(monitor.get("overall_state") == "No Data", f"datadogpy Monitor.create: {monitor}")
    check(api.Monitor.get(monitor["id"])["query"] == monitor["query"], "datadogpy Monitor.get echoes the query")
    bad = api.Monitor.create(type="metric alert", query="avg(last_5m):avg:x{*} > 4",
                             options={"thresholds": {"critical": 5}})
    check("errors" in bad, f"datadogpy sees the threshold mismatch: {bad}")

    result = api.Metric.query(start=int(now) - 300, end=int(now) + 10, query="avg:py.page.views{*}")
    check(result["series"] and result["series"][0]["pointlist"], "datadogpy Metric.query returns points")

    statsd.increment("py.orders", tags=["shop:eu"])
    statsd.increment("py.orders", 2, tags=["shop:eu"])
    statsd.gauge("py.queue", 7)
    statsd.histogram("py.latency", 12)
    statsd.distribution("py.size", 3)
    statsd.event("StatsD event", "from datadogpy", alert_type="warning")
    statsd.service_check("py.db.up", 1, message="slow")
    statsd.flush()
    time.sleep(0.5)
    flushed = post(base, "/mock/flush")
    check(flushed["flushed_points"] >= 5, f"statsd metrics were aggregated: {flushed}")
    counts = api.Metric.query(start=int(now) - 60, end=int(time.time()) + 60, query="sum:py.orders{*}.as_count()")
    check(counts["series"][0]["pointlist"][-1][1] == 3, f"statsd counter queries back as 3: {counts['series']}")
    return monitor["id"]


def run_api_client(base):
    from datadog_api_client import ApiClient, Configuration
    from datadog_api_client.v1.api.dashboards_api import DashboardsApi
    from datadog_api_client.v1.api.events_api import EventsApi
    from datadog_api_client.v1.api.monitors_api import MonitorsApi
    from datadog_api_client.v1.model.dashboard import Dashboard
    from datadog_api_client.v1.model.dashboard_layout_type import DashboardLayoutType
    from datadog_api_client.v1.model.event_create_request import EventCreateRequest
    from datadog_api_client.v1.model.monitor import Monitor
    from datadog_api_client.v1.model.monitor_options import MonitorOptions
    from datadog_api_client.v1.model.monitor_thresholds import MonitorThresholds
    from datadog_api_client.v1.model.monitor_type import MonitorType
    from datadog_api_client.v1.model.timeseries_widget_definition import TimeseriesWidgetDefinition
    from datadog_api_client.v1.model.timeseries_widget_definition_type import TimeseriesWidgetDefinitionType
    from datadog_api_client.v1.model.timeseries_widget_request import TimeseriesWidgetRequest
    from datadog_api_client.v1.model.widget import Widget
    from datadog_api_client.v2.api.metrics_api import MetricsApi
    from datadog_api_client.v2.model.metric_intake_type import MetricIntakeType
    from datadog_api_client.v2.model.metric_payload import MetricPayload
    from datadog_api_client.v2.model.metric_point import MetricPoint
    from datadog_api_client.v2.model.metric_resource import MetricResource
    from datadog_api_client.v2.model.metric_series import MetricSeries

    configuration = Configuration(host=base)
    configuration.api_key["apiKeyAuth"] = API_KEY
    configuration.api_key["appKeyAuth"] = APP_KEY
    now = int(time.time())
    with ApiClient(configuration) as client:
        payload = MetricPayload(series=[MetricSeries(
            metric="client.queue.depth", type=MetricIntakeType.GAUGE,
            points=[MetricPoint(timestamp=now - 5, value=12.0)],
            resources=[MetricResource(name="worker-1", type="host")], tags=["queue:mail"])])
        response = MetricsApi(client).submit_metrics(body=payload)
        check(response.errors == [], "datadog-api-client v2 submit_metrics accepted")

        event = EventsApi(client).create_event(body=EventCreateRequest(title="From api-client", text="hello"))
        check(event.status == "ok", "datadog-api-client v1 create_event accepted")

        monitors = MonitorsApi(client)
        monitor = monitors.create_monitor(body=Monitor(
            name="Queue depth", type=MonitorType.METRIC_ALERT,
            query="avg(last_5m):avg:client.queue.depth{*} by {host} > 10",
            message="{{#is_alert}}Queue at {{value}}{{/is_alert}}{{#is_recovery}}ok{{/is_recovery}} @ops@example.com",
            options=MonitorOptions(thresholds=MonitorThresholds(critical=10.0, warning=5.0))))
        check(str(monitor.overall_state) == "No Data", "datadog-api-client create_monitor starts in No Data")
        check(monitors.get_monitor(monitor.id).query == monitor.query, "datadog-api-client get_monitor")
        check(len(monitors.list_monitors()) >= 1, "datadog-api-client list_monitors")

        dashboards = DashboardsApi(client)
        dashboard = dashboards.create_dashboard(body=Dashboard(
            title="Queues", layout_type=DashboardLayoutType.ORDERED,
            widgets=[Widget(definition=TimeseriesWidgetDefinition(
                type=TimeseriesWidgetDefinitionType.TIMESERIES, title="Depth",
                requests=[TimeseriesWidgetRequest(q="avg:client.queue.depth{*}")]))]))
        check(dashboards.get_dashboard(dashboard.id).title == "Queues", "datadog-api-client dashboard round trip")
        dashboards.delete_dashboard(dashboard.id)
        return monitor.id


def main():
    binary = sys.argv[1]
    port, statsd_port = free_port(socket.SOCK_STREAM), free_port(socket.SOCK_DGRAM)
    process = subprocess.Popen(
        [binary, "--port", str(port), "--statsd-port", str(statsd_port), "--flush-interval", "3600",
         "--evaluation-interval", "3600"],
        stdout=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base, "/mock/health")
                break
            except OSError:
                time.sleep(0.1)
        run_datadogpy(base, statsd_port)
        run_api_client(base)
        post(base, "/mock/evaluate")
        outbox = get(base, "/mock/outbox")["messages"]
        check(any(m["to"] == "ops@example.com" and "Queue at 12" in m["body"] for m in outbox),
              f"the queue monitor emailed ops: {outbox}")
        health = get(base, "/mock/health")
        check(health["malformed_lines"] == 0, f"datadogpy's datagrams all parsed: {health}")
        payloads = get(base, "/mock/payloads?endpoint=/api/v2/series")["payloads"]
        check(len(payloads) == 1, "the v2 payload is inspectable")
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=10)
    check(code == 0, f"intake exited cleanly on SIGTERM (code {code})")


if __name__ == "__main__":
    main()
