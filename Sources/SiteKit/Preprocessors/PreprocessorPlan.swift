import CommonMark
import Foundation

/// The preprocessors a `book.toml` asks for, in the order mdBook runs them.
///
/// mdBook's two built-in preprocessors, `links` (includes) and `index` (`README.md` as `index.md`), run unless
/// `[build] use-default-preprocessors = false`; each `[preprocessor.NAME]` table adds one more, an external program.
/// As in mdBook (`determine_preprocessors` in `crates/mdbook-driver/src/mdbook.rs`), `before` and `after` order
/// them, and those with no order between them run by name, in code point order: `[preprocessor.admonish]` runs
/// before `links`, so it sees `{{#include}}` unexpanded.
struct PreprocessorPlan: Sendable, Equatable {
    enum Stage: Sendable, Equatable {
        /// mdBook's `links`: `{{#include}}` and its kin, which ``IncludeExpander`` expands.
        case links
        /// mdBook's `index`: `README.md` pages are `index.html` (Stepwise names them so anyway); from here on,
        /// external preprocessors see such a chapter's `path` as `index.md`, as in mdBook.
        case index
        case external(ExternalPreprocessor)
    }

    /// The stages in the order they run; a book with no `book.toml` has just the built-in ones.
    var stages: [Stage] = [.index, .links]
    /// The settings of `book.toml`, which external preprocessors receive as JSON.
    var settings: [BookTOML.Entry] = []
    /// The folder of `book.toml`: external preprocessors run there, and relative commands are found from there.
    var bookFolder: URL?
    /// How diagnostics name `book.toml`.
    var displayPath = "book.toml"

    /// True when a program other than Stepwise changes the chapters.
    var hasExternal: Bool {
        stages.contains { if case .external = $0 { true } else { false } }
    }

    private static let builtIn = ["index", "links"]

    /// The plan of a `book.toml`'s entries, with an error for a cycle in `before`/`after` and a warning for an
    /// order that names a preprocessor the book does not have.
    static func read(
        _ entries: [BookTOML.Entry], bookFolder: URL, displayPath: String
    ) -> (PreprocessorPlan, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var useDefaults = true
        var tables: [String: [BookTOML.Entry]] = [:]
        var tableOrder: [String] = []
        for entry in entries {
            if entry.table == "build", entry.key == "use-default-preprocessors" {
                useDefaults = TOMLValue(entry, displayPath: displayPath).bool(&diagnostics) ?? true
            }
            guard entry.table.hasPrefix("preprocessor.") else { continue }
            let name = String(entry.table.dropFirst("preprocessor.".count))
            guard !name.contains(".") else { continue }  // a sub-table of the preprocessor's own settings
            if tables[name] == nil { tableOrder.append(name) }
            tables[name, default: []].append(entry)
        }

        var preprocessors: [String: ExternalPreprocessor] = [:]
        var names = useDefaults ? builtIn : []
        var edges: [(first: String, then: String, entry: BookTOML.Entry)] = []
        for name in tableOrder {
            let table = tables[name]!
            if !names.contains(name) { names.append(name) }
            var preprocessor = ExternalPreprocessor(
                name: name, command: "mdbook-\(name)",
                position: SourcePosition(line: table[0].line, column: table[0].column))
            for entry in table where !entry.isTableHeader {
                let value = TOMLValue(entry, displayPath: displayPath)
                switch entry.key {
                case "command": preprocessor.command = value.string(&diagnostics) ?? preprocessor.command
                case "optional": preprocessor.optional = value.bool(&diagnostics) ?? false
                case "renderers": preprocessor.renderers = value.strings(&diagnostics)
                case "before": edges += (value.strings(&diagnostics) ?? []).map { (name, $0, entry) }
                case "after": edges += (value.strings(&diagnostics) ?? []).map { ($0, name, entry) }
                default: continue
                }
            }
            if !builtIn.contains(name) { preprocessors[name] = preprocessor }
        }

        var successors: [String: Set<String>] = [:]
        var waitingOn: [String: Int] = Dictionary(uniqueKeysWithValues: names.map { ($0, 0) })
        for (first, then, entry) in edges {
            let other = entry.key == "before" ? then : first
            guard names.contains(other) else {
                diagnostics.append(
                    .warning(
                        "preprocessor '\(entry.key == "before" ? first : then)' is to run \(entry.key) '\(other)', "
                            + "which this book does not have, so that order is ignored",
                        at: displayPath, line: entry.line, column: entry.column))
                continue
            }
            if successors[first, default: []].insert(then).inserted { waitingOn[then, default: 0] += 1 }
        }

        var stages: [Stage] = []
        var ready = names.filter { waitingOn[$0] == 0 }
        while !ready.isEmpty {
            // Ties go by code point, as mdBook sorts them.
            ready.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            var next: [String] = []
            for name in ready {
                switch name {
                case "links": stages.append(.links)
                case "index": stages.append(.index)
                default: preprocessors[name].map { stages.append(.external($0)) }
                }
                for successor in successors[name] ?? [] {
                    waitingOn[successor]! -= 1
                    if waitingOn[successor] == 0 { next.append(successor) }
                }
            }
            ready = next
        }
        let cyclic = names.filter { waitingOn[$0]! > 0 }
        if let first = cyclic.first {
            let position = preprocessors[first]?.position ?? SourcePosition(line: 1, column: 1)
            diagnostics.append(
                .error(
                    "preprocessors \(cyclic.map { "'\($0)'" }.joined(separator: ", ")) wait for each other "
                        + "through 'before' and 'after', so none of them can run first",
                    at: displayPath, line: position.line, column: position.column))
        }
        let plan = PreprocessorPlan(stages: stages, settings: entries, bookFolder: bookFolder, displayPath: displayPath)
        return (plan, diagnostics)
    }
}
