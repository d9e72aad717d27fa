/// Lines a Rust block hides from readers, as mdBook and rustdoc mark them, so a sample can compile as a whole
/// program while the page shows only the part that matters.
///
/// A line whose first non-blank character is `#` followed by a space, or by nothing, or by anything but `!`,
/// `[` or `#`, is hidden, with that `#` (and the space) taken off. `##` writes a literal `#`; `#[derive]` and
/// `#![allow]` are attributes and stay.
enum HiddenLines {
    /// The code as the page shows it, and the 1-based numbers of the lines to hide.
    static func rust(_ code: String) -> (code: String, hidden: Set<Int>) {
        guard code.contains("#") else { return (code, []) }
        var hidden: Set<Int> = []
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indent.count)
            guard rest.first == "#" else { return String(line) }
            switch rest.dropFirst().first {
            case "#":
                return String(indent + rest.dropFirst())
            case "!", "[":
                return String(line)
            case " ":
                hidden.insert(index + 1)
                return String(indent + rest.dropFirst(2))
            default:
                hidden.insert(index + 1)
                return String(indent + rest.dropFirst())
            }
        }
        return (lines.joined(separator: "\n"), hidden)
    }
}
