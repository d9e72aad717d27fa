import Foundation

/// A text file of the book, read and checked as UTF-8.
struct SourceFile: Sendable {
    /// Where the file is on disk.
    let url: URL
    /// How diagnostics name the file: relative to the working directory when it is below it.
    let displayPath: String
    let text: String

    /// Reads the file, or returns the diagnostic that explains why it cannot be used.
    static func read(_ url: URL, displayPath: String) -> Result<SourceFile, Diagnostic> {
        guard let data = POSIXFile.read(url.path) else {
            return .failure(.error("cannot read file: \(POSIXFile.lastError)", at: displayPath))
        }
        if let text = String(validating: data, as: UTF8.self) {
            return .success(SourceFile(url: url, displayPath: displayPath, text: text))
        }
        let position = firstInvalidUTF8(in: data)
        return .failure(
            .error(
                "file is not valid UTF-8 (invalid byte 0x\(String(position.byte, radix: 16, uppercase: true)))",
                at: displayPath, line: position.line, column: position.column))
    }

    /// The 1-based line and byte column of the first byte that does not decode as UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8) {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 {
                return (line, index - lineStart + 1, byte)
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, index - lineStart + 1, 0)
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 when it is malformed.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        guard (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
            return 0
        }
        return length
    }
}
