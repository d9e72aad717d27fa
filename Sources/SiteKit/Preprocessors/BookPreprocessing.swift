import CommonMark
import Foundation

/// Reads a book's chapters through its preprocessors, in the plan's order: mdBook's `links` is include expansion,
/// chapter by chapter on all cores, and each external preprocessor rewrites the whole book at once.
enum BookPreprocessing {
    /// The chapters' text as the passes will parse it, in reading order, with what the preprocessors reported.
    static func readChapters(_ book: Book) async -> (files: [ChapterFile], diagnostics: [Diagnostic]) {
        let plan = book.config.preprocessors
        let root = book.root
        var files = await book.chapters.concurrentMap { ChapterFile.load($0, root: root) }
        var diagnostics: [Diagnostic] = []
        var indexApplied = false
        for stage in plan.stages {
            switch stage {
            case .index:
                indexApplied = true
            case .links:
                let loaded = files
                files = await book.chapters.concurrentMap { loaded[$0.index].expandingIncludes(of: $0, root: root) }
            case .external(let preprocessor):
                diagnostics += run(preprocessor, on: &files, book: book, indexApplied: indexApplied)
            }
        }
        return (files, diagnostics)
    }

    /// Runs one external preprocessor over every chapter, replacing the text of those it changed.
    private static func run(
        _ preprocessor: ExternalPreprocessor, on files: inout [ChapterFile], book: Book, indexApplied: Bool
    ) -> [Diagnostic] {
        let plan = book.config.preprocessors
        let folder = plan.bookFolder ?? book.root.url
        let name = preprocessor.name
        func report(_ severity: Diagnostic.Severity, _ message: String) -> [Diagnostic] {
            [
                Diagnostic(
                    path: plan.displayPath, line: preprocessor.position.line, column: preprocessor.position.column,
                    severity: severity, message: message)
            ]
        }
        func notFound() -> [Diagnostic] {
            // An optional one is a note, which `check --strict` does not count either: the book says it may be absent.
            preprocessor.optional
                ? report(
                    .note,
                    "command `\(preprocessor.command)` of optional preprocessor '\(name)' was not found, so the book "
                        + "is built without it")
                : report(
                    .error,
                    "command `\(preprocessor.command)` of preprocessor '\(name)' was not found; is it installed? "
                        + "To build without it when it is not, set `optional = true` in [preprocessor.\(name)]")
        }

        if let renderers = preprocessor.renderers {
            guard renderers.contains("html") else {
                return report(.note, "preprocessor '\(name)' runs only for \(renderers), so not for HTML")
            }
        } else {
            switch preprocessor.supportsHTML(in: folder) {
            case .notFound: return notFound()
            case .failedToStart(let reason): return report(.error, "preprocessor '\(name)' did not start: \(reason)")
            case .exited(let status, _, let errors) where status != 0:
                // mdBook reads any status but 0 as "not for this renderer", a program that failed included; a
                // status other than 1, or anything written to standard error, looks like a failure, so it warns.
                let said = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                return report(
                    status == 1 && said.isEmpty ? .note : .warning,
                    "preprocessor '\(name)' is skipped: `\(preprocessor.command) supports html` exited with status "
                        + "\(status), which mdBook takes to mean that it does not support the html renderer"
                        + (said.isEmpty ? "" : "; it wrote:\n\(said)"))
            case .exited: break
            }
        }

        let input = PreprocessorExchange.input(
            book: book, texts: files.map(\.markdown), plan: plan, indexApplied: indexApplied)
        switch preprocessor.process(input, in: folder) {
        case .notFound:
            return notFound()
        case .failedToStart(let reason):
            return report(.error, "preprocessor '\(name)' did not start: \(reason)")
        case .exited(let status, let output, let errors):
            let said = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard status == 0 else {
                return report(
                    .error,
                    "preprocessor '\(name)' (`\(preprocessor.command)`) failed with exit status \(status)"
                        + (said.isEmpty ? "" : "; it wrote:\n\(said)"))
            }
            var diagnostics = said.isEmpty ? [] : report(.note, "preprocessor '\(name)' wrote:\n\(said)")
            switch PreprocessorExchange.reply(output) {
            case .failure(let problem):
                return diagnostics
                    + report(.error, "preprocessor '\(name)' gave back no book in mdBook's JSON: \(problem.reason)")
            case .success(let reply):
                for chapter in book.chapters {
                    if let text = reply.texts[chapter.sourcePath] {
                        if text != files[chapter.index].markdown {
                            files[chapter.index] = files[chapter.index].replacingMarkdown(text)
                        }
                    } else {
                        diagnostics += report(
                            .warning,
                            "preprocessor '\(name)' left out chapter '\(chapter.sourcePath)'; Stepwise builds the "
                                + "chapters SUMMARY.md lists, so its page is built as it was")
                    }
                }
                for added in reply.added {
                    diagnostics += report(
                        .warning,
                        "preprocessor '\(name)' added chapter '\(added)', which has no page: Stepwise builds the "
                            + "chapters SUMMARY.md lists")
                }
                return diagnostics
            }
        }
    }
}
