/// The optional YAML block at the top of a chapter, between two `---` lines.
struct FrontMatter: Sendable, Equatable {
    var title: String?
    var description: String?

    /// Splits `text` into front matter and Markdown body.
    ///
    /// The body keeps the front matter's lines as blank lines, so cmark's line numbers stay true to the file.
    static func split(_ text: String, displayPath: String) -> (FrontMatter, body: String, [Diagnostic]) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return (FrontMatter(), text, [])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "---\r" || $0 == "..." }) else {
            return (
                FrontMatter(), text,
                [
                    .error(
                        "front matter starts with '---' but has no closing '---' line", at: displayPath, line: 1,
                        column: 1)
                ]
            )
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let mapping = YAMLMapping(
            yaml: yaml, displayPath: displayPath, lineOffset: 1, knownKeys: ["title", "description"])
        let body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
        let matter = FrontMatter(title: mapping.values["title"], description: mapping.values["description"])
        return (matter, body, mapping.diagnostics)
    }
}
