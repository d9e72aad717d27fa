import ArgumentParser
import Foundation
import SiteKit
import SiteServe

extension Site {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the book, serve it, and rebuild and reload pages as you edit.")

        @OptionGroup var book: BookOptions

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port: Int = 3000

        @Option(help: "The address to listen on. Anything but 127.0.0.1 exposes your drafts to the network.")
        var host: String = "127.0.0.1"

        @Option(help: "The folder the served site is written to.")
        var output: String = ".build/site-serve"

        @Flag(help: "Open the site in the default browser.")
        var open = false

        func run() async throws {
            let options = SiteServer.Options(
                content: book.contentURL, output: URL(fileURLWithPath: output), host: host, port: port)
            let server = try await SiteServer.start(options, gracefulShutdownSignals: [.sigint, .sigterm]) { report in
                Self.print(report)
            }
            Self.print(server.initialReport)
            let url = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(server.port)/"
            Swift.print("Serving \(book.content)/ at \(url) (Ctrl-C to stop)")
            if open {
                let browser = Process()
                browser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                browser.arguments = [Platform.openCommand, url]
                try? browser.run()
            }
            try await server.wait()
            Swift.print("Stopped.")
        }

        static func print(_ report: LiveSite.Report) {
            DiagnosticPrinter.standardError.print(report.diagnostics)
            let milliseconds =
                Double(report.duration.components.attoseconds) / 1e15 + Double(report.duration.components.seconds)
                * 1000
            let time = String(format: "%.0f ms", milliseconds)
            let tally = DiagnosticPrinter.tally(report.diagnostics, prefix: ", with ")
            if report.diagnostics.hasErrors {
                DiagnosticPrinter.standardError.write(
                    "error: build failed\(tally); still serving the last good pages\n")
            } else if report.full {
                Swift.print("Built \(report.rebuiltPages.count) pages in \(time)\(tally)")
            } else {
                let pages =
                    report.rebuiltPages.count == 1
                    ? "1 page (\(report.rebuiltPages[0]))" : "\(report.rebuiltPages.count) pages"
                Swift.print("Rebuilt \(pages) in \(time)\(tally)")
            }
        }
    }
}
