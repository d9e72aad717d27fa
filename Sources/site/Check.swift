import ArgumentParser
import Foundation
import SiteKit

extension Site {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every check of 'build' without writing anything.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        @OptionGroup var book: BookOptions

        @Flag(help: "Fail on warnings too (notes never fail).")
        var strict = false

        @Option(help: "How to print diagnostics: 'text' or 'json'.")
        var format: Format = .text

        func run() async throws {
            let result = await SiteBuilder(content: book.contentURL, output: nil).build()
            let failed = result.diagnostics.hasErrors || (strict && result.diagnostics.hasProblems)
            switch format {
            case .json:
                print(DiagnosticPrinter.json(result.diagnostics))
            case .text:
                DiagnosticPrinter.standardError.print(result.diagnostics)
                let tally = DiagnosticPrinter.tally(result.diagnostics, prefix: ": ")
                print("Checked \(result.pageCount) pages\(tally.isEmpty ? ": no problems" : tally)")
            }
            if failed { throw ExitCode.failure }
        }
    }
}
