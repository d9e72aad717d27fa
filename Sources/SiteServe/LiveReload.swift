import Foundation
import SiteKit

/// Tells open pages about each build: a reload after a good one, the errors after a bad one.
///
/// Each browser holds one Server-Sent Events stream. A new stream starts with the current state, so a page
/// opened while the book has errors shows them at once.
actor LiveReload {
    /// One message on the event stream.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String

        /// The event in the `text/event-stream` wire format.
        var wireFormat: String { "event: \(name)\ndata: \(data)\n\n" }
    }

    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var current: Event = LiveReload.okEvent
    private var closed = false

    static let okEvent = Event(name: "ok", data: "{}")

    /// A stream of events for one browser, starting with the current state.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(16))
        continuation.yield(current)
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    private func remove(_ id: UUID) {
        subscribers[id] = nil
    }

    /// Sends what a build did to every open page.
    func publish(_ report: LiveSite.Report) {
        let event = Self.event(for: report)
        current = event.name == "error" ? event : Self.okEvent
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream, so that a graceful shutdown does not wait on open pages.
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// `error` with the errors when the book has any; otherwise `reload` with the rebuilt pages.
    static func event(for report: LiveSite.Report) -> Event {
        let errors = report.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let list: [[String: Any]] = errors.map {
                ["path": $0.path, "line": $0.line, "column": $0.column, "message": $0.message, "text": $0.description]
            }
            return Event(name: "error", data: json(["errors": list]))
        }
        return Event(name: "reload", data: json(["pages": report.rebuiltPages, "full": report.full]))
    }

    private static func json(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
