extension SnippetBlocks {
    /// `source` with its trailing block replaced by `sections`; everything before the `// Output:` heading and
    /// after the block's last line stays byte for byte, and so does the block when nothing in it changed.
    ///
    /// New lines take the heading's indentation and the file's line break (`\r\n` when the heading has one).
    /// - Returns: `nil` when the file has no `// Output:` block to rewrite.
    public static func rewriting(_ source: String, with sections: [Section]) -> String? {
        guard let current = SnippetBlocks(parsing: source) else { return nil }
        if current.sections.map({ [$0.kind.rawValue] + $0.lines }) == sections.map({ [$0.kind.rawValue] + $0.lines }) {
            return source
        }
        let file = SourceLines(source)
        guard let block = file.trailingBlock() else { return nil }
        let heading = file.lines[block.lowerBound]
        let indentation = String(heading.prefix { $0 == " " || $0 == "\t" })
        let lineBreak = file.breaks[block.lowerBound].isEmpty ? "\n" : String(file.breaks[block.lowerBound])
        // The output heading keeps its own spelling, unless it holds Go's one-line form.
        let keepsHeading = SnippetBlocks.heading(heading)?.inline == nil
        var written: [String] = []
        for (number, section) in sections.enumerated() {
            if number > 0 { written.append(indentation + "//") }
            let isFirstOutput = number == 0 && section.kind == .output
            let newHeading = indentation + "// " + section.kind.rawValue
            written.append(isFirstOutput && keepsHeading ? String(heading) : newHeading)
            written += section.lines.map { $0.isEmpty ? indentation + "//" : indentation + "// " + $0 }
        }
        var result = ""
        for index in 0..<block.lowerBound { result += file.lines[index] + file.breaks[index] }
        let lastBreak = String(file.breaks[block.upperBound - 1])
        for (number, line) in written.enumerated() {
            result += line + (number == written.count - 1 ? lastBreak : lineBreak)
        }
        for index in block.upperBound..<file.lines.count { result += file.lines[index] + file.breaks[index] }
        return result
    }
}
