// Send a burst of page views to DogStatsD, one `web.page_views:1|c` line per view, packed into datagrams.
// `swift run SendPageViews` sends 150; `swift run SendPageViews 20` sends 20.

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

// snippet.lines
let views = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 150
let pages = ["home", "question", "results"]
let lines = (0..<views).map { "web.page_views:1|c|#env:dev,page:\(pages[$0 % pages.count])" }

// Several lines share a datagram, one per line, up to 1,432 bytes: more could be fragmented or dropped.
var datagrams: [String] = []
for line in lines {
    if let last = datagrams.last, last.utf8.count + 1 + line.utf8.count <= 1432 {
        datagrams[datagrams.count - 1] = last + "\n" + line
    } else {
        datagrams.append(line)
    }
}
// snippet.socket
let (host, port) = Datadog.statsdAddress
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = in_port_t(port).bigEndian
guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { fatalError("\(host) is not an IPv4 address") }

let udp = socket(AF_INET, datagramSocket, 0)
for datagram in datagrams {
    let sent = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            sendto(udp, datagram, datagram.utf8.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard sent == datagram.utf8.count else { fatalError("Not sent: \(String(cString: strerror(errno)))") }
}
close(udp)
print("Sent \(views) page views in \(datagrams.count) \(datagrams.count == 1 ? "datagram" : "datagrams")")
// snippet.end

// snippet.hide
// Output:
// Sent 150 page views in 5 datagrams
