import ArgumentParser
import Foundation
import SiteKit

extension Site {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Render the book into a static site.")

        @OptionGroup var book: BookOptions

        @Option(help: "The folder to write the site into; it is replaced only when the build succeeds.")
        var output: String = "site"

        func run() async throws {
            let clock = ContinuousClock()
            let start = clock.now
            let result = await SiteBuilder(content: book.contentURL, output: URL(fileURLWithPath: output)).build()
            DiagnosticPrinter.standardError.print(result.diagnostics)
            let seconds = (clock.now - start).formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))
            if result.wrote {
                print(
                    "Built \(result.pageCount) pages into \(output)/ in \(seconds)\(DiagnosticPrinter.tally(result.diagnostics, prefix: ", with "))"
                )
            } else {
                DiagnosticPrinter.standardError.write(
                    "error: build failed\(DiagnosticPrinter.tally(result.diagnostics, prefix: " with ")); \(output)/ was left unchanged\n"
                )
                throw ExitCode.failure
            }
        }
    }
}
