/// A placeholder in expected output or an expected exchange: text that varies between runs, shown to the reader
/// as it is written and matched by a fixed rule (the table in `examples/README.md`).
public enum Placeholder: String, CaseIterable, Sendable {
    /// `[ID]`: letters, digits, `-` and `_`, with at least one digit: `1`, `42`, `stp-000-001`, a UUID.
    case id = "[ID]"
    /// `[TIMESTAMP]`: Unix time in seconds (10 digits, optional fraction) or milliseconds (13 digits),
    /// or ISO 8601 date and time: `2026-12-03T07:20:03Z`, `2026-12-03T07:20:03.5+01:00`.
    case timestamp = "[TIMESTAMP]"
    /// `[DURATION]`: a non-negative decimal number, optionally with a unit glued to it: `12`, `0.250`, `1.5s`,
    /// `250ms`, `3µs`; spaces before it are part of it, as a table pads its numbers to a column.
    case duration = "[DURATION]"
    /// `[..]`: any text on one line, none included.
    case anyText = "[..]"

    /// True when `text`, all of it, is what this placeholder stands for, or the placeholder itself: text that was
    /// redacted before it was compared (a snippet's exchange) matches too.
    public func matches(_ text: Substring) -> Bool {
        if text == rawValue { return true }
        switch self {
        case .id:
            return !text.isEmpty && text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
                && text.utf8.allSatisfy {
                    Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                }
        case .timestamp:
            return Self.isUnixTime(text) || Self.isISO8601(text)
        case .duration:
            let padded = text.drop { $0 == " " }
            let number = padded.prefix { Self.isDigit($0) || $0 == "." }
            let unit = padded.dropFirst(number.count)
            return Self.isDecimal(number) && ["", "ns", "us", "µs", "ms", "s", "m", "h"].contains(unit)
        case .anyText:
            return !text.contains("\n")
        }
    }

    private static func isUnixTime(_ text: Substring) -> Bool {
        let whole = text.prefix(while: isDigit)
        let rest = text.dropFirst(whole.count)
        switch whole.count {
        case 10: return rest.isEmpty || (rest.first == "." && rest.count > 1 && rest.dropFirst().allSatisfy(isDigit))
        case 13: return rest.isEmpty
        default: return false
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z` or `±HH:MM`.
    private static func isISO8601(_ text: Substring) -> Bool {
        let shape = Array("dddd-dd-ddTdd:dd:dd")
        let characters = Array(text)
        guard characters.count > shape.count else { return false }
        for (pattern, character) in zip(shape, characters) {
            guard pattern == "d" ? isDigit(character) : pattern == character else { return false }
        }
        var rest = text.dropFirst(shape.count)
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        if rest == "Z" { return true }
        let offset = Array(rest)
        return offset.count == 6 && (offset[0] == "+" || offset[0] == "-") && isDigit(offset[1]) && isDigit(offset[2])
            && offset[3] == ":" && isDigit(offset[4]) && isDigit(offset[5])
    }

    private static func isDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (parts.count == 1 || parts.count == 2) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
