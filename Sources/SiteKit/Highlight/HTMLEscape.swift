/// Escapes text for HTML element content and double-quoted attribute values.
enum HTMLEscape {
    /// `text` with `&`, `<`, `>` and `"` replaced by entities.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Appends `text`, escaped, to `result`.
    ///
    /// Works on UTF-8 bytes: the four characters are ASCII, and most text contains none of them,
    /// so it is appended in one piece.
    static func append(_ text: some StringProtocol, to result: inout String) {
        let utf8 = text.utf8
        guard utf8.contains(where: isSpecial) else {
            result += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 { append(byte, to: &bytes) }
        result += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one UTF-8 byte, escaped, to `bytes`.
    @inline(__always)
    static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): bytes += "&amp;".utf8
        case UInt8(ascii: "<"): bytes += "&lt;".utf8
        case UInt8(ascii: ">"): bytes += "&gt;".utf8
        case UInt8(ascii: "\""): bytes += "&quot;".utf8
        default: bytes.append(byte)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"")
    }
}
