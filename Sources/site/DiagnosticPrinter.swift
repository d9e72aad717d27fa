import Foundation
import SiteKit

/// Prints diagnostics the way compilers do, for terminals, editors and CI annotations.
struct DiagnosticPrinter {
    let handle: FileHandle

    static let standardError = DiagnosticPrinter(handle: .standardError)

    func print(_ diagnostics: [Diagnostic]) {
        write(diagnostics.map { "\($0)\n" }.joined())
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// `prefix` + "2 errors and 1 warning", or an empty string when there are none.
    static func tally(_ diagnostics: [Diagnostic], prefix: String) -> String {
        var parts: [String] = []
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            let count = diagnostics.filter { $0.severity == severity }.count
            if count > 0 { parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        return parts.isEmpty ? "" : prefix + parts.joined(separator: " and ")
    }

    /// A JSON array of `{path, line, column, severity, message}` objects.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects: [[String: Any]] = diagnostics.map {
            [
                "path": $0.path, "line": $0.line, "column": $0.column, "severity": $0.severity.rawValue,
                "message": $0.message,
            ]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]))
            ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
