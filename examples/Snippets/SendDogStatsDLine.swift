// Send one page view to DogStatsD: one line of text in one UDP datagram. Nothing answers; UDP never waits.

// snippet.hide
import ExampleSupport
import Foundation
#if canImport(Glibc)
import Glibc
let datagramSocket = Int32(SOCK_DGRAM.rawValue)
#else
import Darwin
let datagramSocket = SOCK_DGRAM
#endif
// snippet.show

// snippet.line
// name:value|type|#tags — "c" makes it a count: one more page view.
let line = "web.page_views:1|c|#env:local,page:home"
// snippet.socket
let (host, port) = Datadog.statsdAddress  // 127.0.0.1:8125 unless DD_DOGSTATSD_URL says otherwise
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = in_port_t(port).bigEndian
guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { fatalError("\(host) is not an IPv4 address") }

let udp = socket(AF_INET, datagramSocket, 0)
let sent = withUnsafePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        sendto(udp, line, line.utf8.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
}
close(udp)
print(sent == line.utf8.count ? "Sent: \(line)" : "Not sent: \(String(cString: strerror(errno)))")
// snippet.end

// snippet.hide
// Output:
// Sent: web.page_views:1|c|#env:local,page:home
//
// Datagram:
// web.page_views:1|c|#env:local,page:home
