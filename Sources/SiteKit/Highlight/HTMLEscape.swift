/// Escapes text for HTML element content and double-quoted attribute values.
enum HTMLEscape {
    /// `text` with `&`, `<`, `>` and `"` replaced by entities.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        append(text, to: &result)
        return result
    }

    /// Appends `text`, escaped, to `result`.
    static func append(_ text: some StringProtocol, to result: inout String) {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        for index in scalars.indices {
            let entity: String
            switch scalars[index] {
            case "&": entity = "&amp;"
            case "<": entity = "&lt;"
            case ">": entity = "&gt;"
            case "\"": entity = "&quot;"
            default: continue
            }
            result.unicodeScalars.append(contentsOf: scalars[start..<index])
            result += entity
            start = scalars.index(after: index)
        }
        result.unicodeScalars.append(contentsOf: scalars[start...])
    }
}
