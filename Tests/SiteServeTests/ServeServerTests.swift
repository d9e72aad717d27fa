import Foundation
import SiteKit
import Testing

@testable import SiteServe

/// `site serve` live on a free loopback port: pages, safety, live reload and the error overlay.
@Suite(.serialized) struct ServeServerTests {
    /// A two-chapter book in a temporary folder, with a secret file beside the served output.
    struct Book {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var output: URL { root.appendingPathComponent("serve") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-serve-\(UUID().uuidString)")
                .resolvingSymlinksInPath()
            try write("SUMMARY.md", "# Served\n\n- [One](one.md)\n- [Two](guide/two.md)\n")
            try write("one.md", "# One\n\nFirst version.\n")
            try write("guide/two.md", "# Two\n\nSecond.\n")
            try Data("top secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        }

        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func start(_ book: Book) async throws -> SiteServer {
        try await SiteServer.start(
            .init(content: book.content, output: book.output, port: 0, pollInterval: .milliseconds(20)))
    }

    @Test func servesPagesWithTheLiveScriptOnlyWhenServed() async throws {
        let book = try Book()
        defer { book.remove() }
        let server = try await Self.start(book)
        #expect(server.initialReport.succeeded)

        let page = try await RawHTTPClient.get("/one.html", port: server.port)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("First version."))
        #expect(page.body.contains("<script src=\"/_stepwise/live.js\"></script>\n</body>"))
        #expect(
            try !String(contentsOf: book.output.appendingPathComponent("one.html"), encoding: .utf8).contains(
                "_stepwise"),
            "the file on disk is what site build writes")
        #expect(
            try await RawHTTPClient.get("/", port: server.port).body.contains("url=one.html"),
            "/ is index.html, the redirect")
        #expect(try await RawHTTPClient.get("/guide/two.html", port: server.port).body.contains("Second."))
        #expect(
            try await RawHTTPClient.get("/theme/style.css", port: server.port).headers["content-type"]
                == "text/css; charset=utf-8")
        let script = try await RawHTTPClient.get("/_stepwise/live.js", port: server.port)
        #expect(script.status == 200 && script.body.contains("EventSource"))
        try await server.shutdown()
    }

    @Test(arguments: [
        "/../secret.txt", "/guide/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/guide/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%2fsecret.txt", "/%2e%2e%5csecret.txt", "/.stepwise-site", "/outside/secret.txt", "/outside-file",
        "/one.html%00.txt",
        "/missing.html",
    ])
    func refusesEverythingOutsideTheOutputFolder(target: String) async throws {
        let book = try Book()
        defer { book.remove() }
        let server = try await Self.start(book)
        // Symlinks leading out of the output folder, to a folder and to a file.
        try FileManager.default.createSymbolicLink(
            at: book.output.appendingPathComponent("outside"), withDestinationURL: book.root)
        try FileManager.default.createSymbolicLink(
            at: book.output.appendingPathComponent("outside-file"),
            withDestinationURL: book.root.appendingPathComponent("secret.txt"))
        let response = try await RawHTTPClient.get(target, port: server.port)
        #expect(response.status == 404)
        #expect(!response.body.contains("top secret"))
        #expect(response.body.contains("/_stepwise/live.js"), "the 404 page reloads and shows errors too")
        try await server.shutdown()
    }

    @Test func anEditSendsAReloadEventAndTheNewPageIsServed() async throws {
        let book = try Book()
        defer { book.remove() }
        let server = try await Self.start(book)
        let events = try await RawHTTPClient.events(port: server.port)
        #expect(await events.nextEvent()?.name == "ok", "a new stream starts with the current state")

        try book.write("one.md", "# One\n\nSecond version.\n")
        let event = try #require(await events.nextEvent())
        #expect(event.name == "reload")
        #expect(event.data == #"{"full":false,"pages":["one.html"]}"#)
        #expect(try await RawHTTPClient.get("/one.html", port: server.port).body.contains("Second version."))
        try await server.shutdown()
    }

    @Test func aBuildErrorShowsTheOverlayAndKeepsTheLastGoodPage() async throws {
        let book = try Book()
        defer { book.remove() }
        let server = try await Self.start(book)
        let events = try await RawHTTPClient.events(port: server.port)
        #expect(await events.nextEvent()?.name == "ok")

        try book.write("one.md", "# One\n\nBroken [link](nowhere.md).\n")
        let error = try #require(await events.nextEvent())
        #expect(error.name == "error")
        let payload = try JSONSerialization.jsonObject(with: Data(error.data.utf8)) as? [String: [[String: Any]]]
        let first = try #require(payload?["errors"]?.first)
        #expect((first["path"] as? String)?.hasSuffix("content/one.md") == true)
        #expect(first["line"] as? Int == 3)
        #expect(first["message"] as? String == "link to missing chapter 'nowhere.md'")
        #expect(
            try await RawHTTPClient.get("/one.html", port: server.port).body.contains("First version."),
            "the last good page")

        // A page opened now gets the errors at once.
        let late = try await RawHTTPClient.events(port: server.port)
        #expect(await late.nextEvent()?.name == "error")

        try book.write("one.md", "# One\n\nFixed.\n")
        #expect(await events.nextEvent()?.name == "reload", "the overlay goes on the next good build")
        #expect(try await RawHTTPClient.get("/one.html", port: server.port).body.contains("Fixed."))
        try await server.shutdown()
    }

    @Test(.timeLimit(.minutes(1))) func shutdownEndsOpenEventStreams() async throws {
        let book = try Book()
        defer { book.remove() }
        let server = try await Self.start(book)
        let events = try await RawHTTPClient.events(port: server.port)
        #expect(await events.nextEvent()?.name == "ok")
        // What Ctrl-C does through the ServiceGroup: the watcher closes the streams, then the server stops.
        try await server.shutdown()
        #expect(await events.nextEvent() == nil, "the stream ended")
        await #expect(throws: (any Error).self) { try await RawHTTPClient.get("/one.html", port: server.port) }
    }
}
