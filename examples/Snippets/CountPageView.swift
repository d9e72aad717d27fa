// Bootstrap the DogStatsD backend once, at start-up; from then on every swift-metrics call goes to DogStatsD.
// This counts one view of the home page and records how long it took.

// snippet.hide
import DogStatsD
import ExampleSupport
import Metrics
// snippet.show

// snippet.bootstrap
let statsd = Datadog.statsdAddress  // DD_DOGSTATSD_URL, or 127.0.0.1:8125
let client = try DogStatsDClient(host: statsd.host, port: statsd.port)
MetricsSystem.bootstrap(DogStatsDMetricsFactory(client: client, globalTags: ["service:votes", "env:dev"]))
// snippet.record
Counter(label: "web.page_views", dimensions: [("page", "home")]).increment()
Timer(label: "web.page.latency", dimensions: [("page", "home")]).recordMilliseconds(12)
// snippet.flush
client.flush()  // a program about to exit sends what is buffered; a server's client flushes every 100 ms
print("Sent \(client.statistics.sent) datagram, dropped \(client.statistics.dropped)")
// snippet.end

// snippet.hide
// Output:
// Sent 1 datagram, dropped 0
//
// Datagram:
// web.page_views:1|c|#service:votes,env:dev,page:home
// web.page.latency:12|d|#service:votes,env:dev,page:home
