import Foundation

/// The full-text index the search script loads: every section's words, pointing at the section's anchor.
///
/// It is an inverted index, so its size grows with the number of distinct words per section rather than
/// with the text itself: titles and headings are stored once, body text not at all. Results show the page
/// and heading, and the page highlights the matched words when it opens.
///
/// The file is a script (`search-index.js`) rather than JSON so that it loads from `file://` too.
struct SearchIndex {
    /// How much a match counts, by where the word is.
    enum Weight: Int {
        case body = 1
        case heading = 2
        case title = 3
    }

    private var pages: [(title: String, url: String)] = []
    private var sections: [(page: Int, anchor: String, heading: String)] = []
    /// Every word of the book, numbered as first met.
    private var words = WordTable(capacity: 1 << 12)
    /// By word number, the sections holding the word with the best weight there, in section order.
    private var postings: [[(section: Int32, weight: UInt8)]] = []

    /// Adds a page and its sections. `anchors[n]` is the id of the page's n-th heading.
    mutating func add(title: String, url: String, sections pageSections: [SearchSection], anchors: [String]) {
        let page = pages.count
        pages.append((title, url))
        for section in pageSections {
            let anchor = section.headingOrdinal.flatMap { $0 < anchors.count ? anchors[$0] : nil } ?? ""
            let index = Int32(sections.count)
            sections.append((page, anchor, section.heading))
            for number in 0..<section.words.count {
                let (word, isNew) = words.insert(number, of: section.words)
                if isNew { postings.append([]) }
                postings[word].append((index, section.weights[number]))
            }
        }
    }

    /// Each distinct word of a section, with the best weight it has there (title, heading or body) by word number.
    ///
    /// Computed per chapter, in parallel, so that building the book's index only merges.
    static func weights(text: String, heading: String, title: String?) -> (WordList, [UInt8]) {
        // Room for a word every six bytes, more than a section ever has, so the table never grows.
        var weighed = WeighedWords(capacity: (text.utf8.count + heading.utf8.count) / 6 + 8)
        weighed.add(text, .body)
        weighed.add(heading, .heading)
        if let title { weighed.add(title, .title) }
        return (weighed.table.words, weighed.weights)
    }

    /// Distinct words with the best weight each was added with.
    private struct WeighedWords {
        var table: WordTable
        var weights: [UInt8] = []

        init(capacity: Int) {
            table = WordTable(capacity: capacity)
        }

        mutating func add(_ text: String, _ weight: Weight) {
            let weight = UInt8(weight.rawValue)
            forEachWord(in: text) { word in
                let (number, isNew) = table.insert(word)
                if isNew {
                    weights.append(weight)
                } else if weights[number] < weight {
                    weights[number] = weight
                }
            }
        }
    }

    /// Lowercased words of two or more letters or digits; the commonest English words are left out.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each word ``words(in:)`` finds, in order; they are valid only during the call.
    ///
    /// Runs over UTF-8 bytes: an ASCII word, nearly every word of a technical guide, is lowercased into a reused
    /// buffer and never becomes a `String`, and a stop word is dropped on the spot.
    /// A run holding non-ASCII bytes is split again by Unicode properties, so `Étape` and `l’agent` come out right.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // Each ASCII word is copied here lowercased, on the stack; a longer one is copied to the heap.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stackWordLength) { lowered in
                var index = 0
                while index < bytes.count {
                    guard isWordByte(bytes[index]) else {
                        index += 1
                        continue
                    }
                    let start = index
                    var isASCII = true
                    while index < bytes.count, isWordByte(bytes[index]) {
                        let byte = bytes[index]
                        if byte >= 0x80 { isASCII = false }
                        if index - start < stackWordLength { lowered[index - start] = lowercased(byte) }
                        index += 1
                    }
                    let count = index - start
                    if !isASCII {
                        let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        for var word in unicodeWords(in: String(decoding: run, as: UTF8.self)) {
                            word.withUTF8 { body($0) }
                        }
                    } else if count > stackWordLength {
                        bytes[start..<index].map(lowercased).withUnsafeBufferPointer(body)
                    } else if count > 1 {
                        let word = UnsafeBufferPointer(rebasing: lowered[..<count])
                        if !isStopWord(word) { body(word) }
                    }
                }
            }
        }
    }

    /// The longest word ``forEachWord(in:_:)`` lowercases on the stack.
    private static let stackWordLength = 64

    /// Letters, digits, `_` and every byte of a non-ASCII scalar.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F, 0x80...: true
        default: false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// True when the lowercased ASCII word is one of ``stopWords``, compared as at most four packed bytes.
    private static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        // A scan of 21 integers: cheaper than hashing one.
        word.count <= 4 && stopWordCodes.contains(packed(word))
    }

    private static func packed(_ bytes: some Sequence<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// ``stopWords``, each packed into a `UInt32`; every one is ASCII and at most four bytes long.
    private static let stopWordCodes = stopWords.map { packed($0.utf8) }

    /// The slow path of ``words(in:)``, by Unicode scalar properties.
    private static func unicodeWords(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if current.count > 1 {
                let word = String(current)
                if !stopWords.contains(word) { words.append(word) }
            }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that", "the",
        "this", "to", "was", "with",
    ]

    /// The index as a script that sets `window.stepwiseSearch`.
    ///
    /// Words are sorted, for prefix search; each word's postings are `section.weight` pairs with section
    /// numbers delta-encoded in base 36, which keeps the file small.
    func script() -> String {
        // Written as bytes: the postings of a large book are hundreds of thousands of tiny numbers.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        out += "window.stepwiseSearch={\"pages\":[".utf8
        for (offset, page) in pages.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            appendJSON(page.title, to: &out)
            out.append(UInt8(ascii: ","))
            appendJSON(page.url, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += "],\"sections\":[".utf8
        for (offset, section) in sections.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            out += "[\(section.page),".utf8
            appendJSON(section.anchor, to: &out)
            out.append(UInt8(ascii: ","))
            appendJSON(section.heading, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += "],\"words\":[".utf8
        // Sorted, for the script's prefix search.
        let sorted = (0..<words.count).map { (word: words.string($0), number: $0) }.sorted { $0.word < $1.word }
        for (offset, entry) in sorted.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            appendJSON(entry.word, to: &out)
        }
        out += "],\"postings\":[".utf8
        for (offset, entry) in sorted.enumerated() {
            out += offset > 0 ? ",\"".utf8 : "\"".utf8
            var previous = 0
            for (number, posting) in postings[entry.number].enumerated() {
                if number > 0 { out.append(UInt8(ascii: " ")) }
                appendBase36(Int(posting.section) - previous, to: &out)
                if posting.weight != 1 { out += ".\(posting.weight)".utf8 }
                previous = Int(posting.section)
            }
            out.append(UInt8(ascii: "\""))
        }
        out += "]};\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` (not negative) in base 36 with lowercase letters, as `String(value, radix: 36)` writes it.
    private func appendBase36(_ value: Int, to out: inout [UInt8]) {
        var value = value
        let start = out.count
        repeat {
            let digit = UInt8(value % 36)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            value /= 36
        } while value > 0
        out[start...].reverse()
    }

    /// Appends `text` as a JSON string literal.
    private func appendJSON(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Every byte to escape is ASCII, so the bytes of other scalars pass through as they are.
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "<"): out += "\\u003c".utf8  // never close the script element
            case 0..<0x20: out += String(format: "\\u%04x", UInt32(byte)).utf8
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
