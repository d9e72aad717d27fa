/// Finds GitHub's extended autolinks in a run of text: `www.example.com`, `https://…` (also `http` and `ftp`)
/// and `name@example.com`, by the GFM spec's rules ("Autolinks (extension)"), ported from cmark-gfm's
/// `extensions/autolink.c` so that the edge cases agree: trailing punctuation, unbalanced `)` and a trailing
/// `&entity;` are left out, `<` ends a link, and the last two labels of a `www.` domain hold no `_`.
///
/// It works on one text node's bytes; ``AutolinkPass`` decides which text may hold links (not code, links or HTML).
///
/// ```swift
/// ExtendedAutolinks.find(in: "see www.example.com.").map(\.url)   // ["http://www.example.com"]
/// ```
enum ExtendedAutolinks {
    /// One link found: the bytes it covers in the text, and where it leads.
    struct Match: Equatable {
        var range: Range<Int>
        var url: String
    }

    /// The links in `text`, in order.
    /// - Parameter startsAfterDelimiter: whether what comes before the text lets a `www.` link start at its very
    ///   first byte: a line start, whitespace, or one of `*`, `_`, `~`, `(`.
    static func find(in text: String, startsAfterDelimiter: Bool = true) -> [Match] {
        let bytes = Array(text.utf8)
        var matches: [Match] = []
        var index = 0
        var segmentStart = 0
        while index < bytes.count {
            let found: Match?
            switch bytes[index] {
            case UInt8(ascii: ":"): found = urlMatch(bytes, colon: index, lowerBound: segmentStart)
            case UInt8(ascii: "w"):
                let delimited =
                    index == 0
                    ? startsAfterDelimiter : isSpace(bytes[index - 1]) || "*_~(".utf8.contains(bytes[index - 1])
                found = delimited ? wwwMatch(bytes, at: index) : nil
            default: found = nil
            }
            if let found {
                emailMatches(bytes, in: segmentStart..<found.range.lowerBound, into: &matches)
                matches.append(found)
                index = found.range.upperBound
                segmentStart = index
            } else {
                index += 1
            }
        }
        emailMatches(bytes, in: segmentStart..<bytes.count, into: &matches)
        return matches
    }

    /// `www.` and a valid domain, then anything up to whitespace, trimmed by ``trimmedEnd(_:from:to:)``.
    private static func wwwMatch(_ bytes: [UInt8], at start: Int) -> Match? {
        guard bytes.count - start >= 4, bytes[start..<start + 4].elementsEqual("www.".utf8) else { return nil }
        let domain = domainLength(bytes, from: start, end: bytes.count, allowShort: false)
        guard domain > 0 else { return nil }
        var end = start + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmedEnd(bytes, from: start, to: end)
        guard end > start else { return nil }
        return Match(range: start..<end, url: "http://" + string(bytes[start..<end]))
    }

    /// `http://`, `https://` or `ftp://` (the scheme's letters read back from the `:`), a domain, then up to
    /// whitespace.
    private static func urlMatch(_ bytes: [UInt8], colon: Int, lowerBound: Int) -> Match? {
        guard bytes.count - colon >= 4, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
        else { return nil }
        var start = colon
        while start > lowerBound, isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = string(bytes[start..<colon]).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(bytes, at: colon + 3) else { return nil }
        let domain = domainLength(bytes, from: colon + 3, end: bytes.count, allowShort: true)
        guard domain > 0 else { return nil }
        var end = colon + 3 + domain
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        end = trimmedEnd(bytes, from: start, to: end)
        guard end > start else { return nil }
        let link = string(bytes[start..<end])
        return Match(range: start..<end, url: link)
    }

    /// Email addresses in `range`: `[A-Za-z0-9.+_-]+@` then labels of letters, digits, `-` and `_` with at least
    /// one `.`, ending in a letter (or a `.` that is then left out).
    private static func emailMatches(_ bytes: [UInt8], in range: Range<Int>, into matches: inout [Match]) {
        var offset = range.lowerBound
        while let at = bytes[offset..<range.upperBound].firstIndex(of: UInt8(ascii: "@")) {
            var start = at
            var slash = false
            while start > offset {
                let byte = bytes[start - 1]
                if isAlnum(byte) || ".+-_".utf8.contains(byte) {
                    start -= 1
                    continue
                }
                slash = byte == UInt8(ascii: "/")
                break
            }
            var end = at
            var ats = 0
            var dots = 0
            while end < range.upperBound {
                let byte = bytes[end]
                if isAlnum(byte) {
                } else if byte == UInt8(ascii: "@") {
                    ats += 1
                } else if byte == UInt8(ascii: "."), end + 1 < range.upperBound, isAlnum(bytes[end + 1]) {
                    dots += 1
                } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                    break
                }
                end += 1
            }
            let length = end - at
            guard start < at, !slash, length >= 2, ats == 1, dots > 0,
                isAlpha(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".")
            else {
                offset = at + 1
                continue
            }
            end = trimmedEnd(bytes, from: at, to: end)
            guard end > at else {
                offset = at + 1
                continue
            }
            matches.append(Match(range: start..<end, url: "mailto:" + string(bytes[start..<end])))
            offset = end
        }
    }

    /// How many bytes from `start` make a domain: labels of host characters, `-` and `_` split by `.`, with no `_`
    /// in the last two labels; at least one `.` unless `allowShort`. 0 when there is none.
    private static func domainLength(_ bytes: [UInt8], from start: Int, end: Int, allowShort: Bool) -> Int {
        let size = end - start
        var index = 1
        var dots = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < size - 1 {
            let byte = bytes[start + index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostCharacter(bytes, at: start + index), byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        return allowShort || dots > 0 ? index : 0
    }

    /// Where a link really ends: before any `<`, without trailing `?!.,:*_~'"`, a trailing `&entity;`, or `)`s
    /// that have no `(` in the link.
    private static func trimmedEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var end = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) ?? end
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var entityStart = end - 2
                while entityStart > start, isAlpha(bytes[entityStart]) { entityStart -= 1 }
                if entityStart < end - 2, entityStart >= start, bytes[entityStart] == UInt8(ascii: "&") {
                    end = entityStart
                } else {
                    end -= 1
                }
            } else if last == UInt8(ascii: ")") {
                let link = bytes[start..<end]
                let opening = link.count { $0 == UInt8(ascii: "(") }
                let closing = link.count { $0 == UInt8(ascii: ")") }
                guard closing > opening else { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// True when the character at `index` is neither whitespace nor punctuation, as cmark-gfm's
    /// `is_valid_hostchar` judges it.
    private static func isHostCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isAlnum(byte) || byte >= 0x80 }
        var length = 1
        while index + length < bytes.count, length < 4, bytes[index + length] & 0xC0 == 0x80 { length += 1 }
        guard let scalar = String(validating: bytes[index..<index + length], as: UTF8.self)?.unicodeScalars.first
        else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return !properties.isWhitespace
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
