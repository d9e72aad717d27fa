/// Normalises tags as Datadog does on intake, per "Getting Started with Tags"
/// (https://docs.datadoghq.com/getting_started/tagging/#define-tags) and the naming rules in
/// https://docs.datadoghq.com/developers/guide/what-best-practices-are-recommended-for-naming-metrics-and-tags/:
/// tags are lowercased; they start with a letter (what comes before the first letter is dropped); after it they
/// keep letters (Unicode included), digits, `_`, `-`, `:`, `.` and `/`, and any other character becomes `_`; runs
/// of underscores become one and trailing underscores go; they are at most 200 characters long.
enum DatadogTag {
    static let maximumLength = 200

    /// The normalised tags, without those left empty.
    static func normalize(_ tags: [String]) -> [String] {
        guard !tags.allSatisfy(isNormal) else { return tags }
        return tags.compactMap(normalize)
    }

    /// The normalised tag, or `nil` when nothing of it is left.
    static func normalize(_ tag: String) -> String? {
        if isNormal(tag) { return tag }
        var output = ""
        var length = 0
        for character in tag.lowercased() {
            if length == 0 && !character.isLetter { continue }
            if length == maximumLength { break }
            let kept = character.isLetter || character.isNumber || "_-:./".contains(character)
            let next: Character = kept ? character : "_"
            if next == "_" && output.last == "_" { continue }
            output.append(next)
            length += 1
        }
        while output.last == "_" { output.removeLast() }
        return output.isEmpty ? nil : output
    }

    /// A byte-level check that lets the common, already normal tag through without building a new string.
    private static func isNormal(_ tag: String) -> Bool {
        var count = 0
        var previous: UInt8 = 0
        for byte in tag.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."),
                UInt8(ascii: "/"):
                if count == 0 { return false }
            case UInt8(ascii: "_"):
                if count == 0 || previous == UInt8(ascii: "_") { return false }
            default:
                return false
            }
            previous = byte
            count += 1
        }
        return count > 0 && count <= maximumLength && previous != UInt8(ascii: "_")
    }
}
