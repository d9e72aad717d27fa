/// One problem found in the author's input, reported the way a compiler does.
///
/// ```
/// content/events.md:12:5: error: link to missing chapter 'evnts.md'
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Something the author may want to know that is no problem in the book: an mdBook setting Stepwise ignores.
        case note
    }

    /// The file, relative to the working directory when possible.
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when the problem concerns the whole line or file.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, at path: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ message: String, at path: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .warning, message: message)
    }

    public static func note(_ message: String, at path: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: .note, message: message)
    }

    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// True when any diagnostic is an error or a warning, which `site check --strict` fails on; notes are neither.
    public var hasProblems: Bool { contains { $0.severity != .note } }

    /// Sorted by file, then position, so reports read top to bottom.
    public func sortedByPosition() -> [Diagnostic] {
        sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}
