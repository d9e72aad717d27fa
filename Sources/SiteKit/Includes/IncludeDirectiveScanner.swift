/// Finds mdBook's `{{#name argument}}` directives in a line, by the rule of mdBook's link preprocessor
/// (`find_links` in `crates/mdbook-driver/src/builtin_preprocessors/links.rs`): `{{`, optional whitespace, `#`, a name
/// of letters, digits and `_`, whitespace, an argument without `}`, then `}}`.
///
/// Anything else is text: `{{#include}}` written in prose or in a code span, or Handlebars' `{{#each items}}`
/// … `{{/each}}` blocks (the name is checked by the caller). `\{{#…}}` is an escape, written out without its
/// backslash, up to the line's last `}}` as in mdBook.
enum IncludeDirectiveScanner {
    enum Match: Equatable {
        /// `\{{#…}}`: the text to write instead, without the backslash.
        case escaped(literal: Substring)
        /// `{{#name argument}}`; the argument is as written, surrounding whitespace included.
        case directive(name: Substring, argument: Substring)
    }

    /// The first directive or escape in `line` at or after `start`, with the range it covers.
    static func next(in line: Substring, from start: Substring.Index) -> (range: Range<Substring.Index>, match: Match)?
    {
        let bytes = line.utf8
        var index = start
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                if let found = escape(in: line, at: index) { return found }
            case UInt8(ascii: "{"):
                if let found = directive(in: line, at: index) { return found }
            default:
                break
            }
            bytes.formIndex(after: &index)
        }
        return nil
    }

    /// `\{{#` then anything up to the last `}}` of the line.
    private static func escape(in line: Substring, at backslash: Substring.Index) -> (Range<Substring.Index>, Match)? {
        let bytes = line.utf8
        let open = bytes.index(after: backslash)
        guard bytes[open...].starts(with: "{{#".utf8) else { return nil }
        let bodyStart = bytes.index(open, offsetBy: 3)
        var close = bytes.endIndex
        while close > bodyStart {
            let before = bytes.index(before: close)
            if bytes[before] == UInt8(ascii: "}"), before > bodyStart,
                bytes[bytes.index(before: before)] == UInt8(ascii: "}")
            {
                return (backslash..<close, .escaped(literal: line[open..<close]))
            }
            close = before
        }
        return nil
    }

    /// `{{`, whitespace, `#name`, whitespace, an argument up to the first `}`, which must start `}}`.
    private static func directive(in line: Substring, at open: Substring.Index) -> (Range<Substring.Index>, Match)? {
        let bytes = line.utf8
        guard bytes[open...].starts(with: "{{".utf8) else { return nil }
        var index = bytes.index(open, offsetBy: 2)
        func skip(while condition: (UInt8) -> Bool) {
            while index < bytes.endIndex, condition(bytes[index]) { bytes.formIndex(after: &index) }
        }
        skip(while: isWhitespace)
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "#") else { return nil }
        bytes.formIndex(after: &index)
        let nameStart = index
        skip(while: isNameByte)
        guard index > nameStart, index < bytes.endIndex, isWhitespace(bytes[index]) else { return nil }
        let name = line[nameStart..<index]
        let argumentStart = bytes.index(after: index)
        index = argumentStart
        skip(while: { $0 != UInt8(ascii: "}") })
        let argument = line[argumentStart..<index]
        // mdBook needs a file (or a title) after the name: `{{#include  }}` is text.
        guard bytes[index...].starts(with: "}}".utf8), argument.utf8.contains(where: { !isWhitespace($0) }) else {
            return nil
        }
        return (open..<bytes.index(index, offsetBy: 2), .directive(name: name, argument: argument))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
