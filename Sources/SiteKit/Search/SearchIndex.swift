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
    /// For each word, the sections holding it with the best weight there, in section order.
    private var postings: [String: [(section: Int, weight: Int)]] = [:]

    /// Adds a page and its sections. `anchors[n]` is the id of the page's n-th heading.
    mutating func add(title: String, url: String, sections pageSections: [SearchSection], anchors: [String]) {
        let page = pages.count
        pages.append((title, url))
        for section in pageSections {
            let anchor = section.headingOrdinal.flatMap { $0 < anchors.count ? anchors[$0] : nil } ?? ""
            let index = sections.count
            sections.append((page, anchor, section.heading))
            for (word, weight) in section.weights {
                postings[word, default: []].append((index, weight))
            }
        }
    }

    /// Each word of a section with the best weight it has there: title, heading or body.
    ///
    /// Computed per chapter, in parallel, so that building the book's index only merges.
    static func weights(text: String, heading: String, title: String?) -> [String: Int] {
        var weights: [String: Int] = [:]
        for word in words(in: text) { weights[word] = Weight.body.rawValue }
        for word in words(in: heading) { weights[word] = Weight.heading.rawValue }
        if let title {
            for word in words(in: title) { weights[word] = Weight.title.rawValue }
        }
        return weights
    }

    /// Lowercased words of two or more letters or digits; the commonest English words are left out.
    ///
    /// Runs over UTF-8 bytes: ASCII words, nearly all of a technical guide, never become a `Character`.
    /// A run holding non-ASCII bytes is split again by Unicode properties, so `Étape` and `l’agent` come out right.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var run: [UInt8] = []
        var runIsASCII = true
        func finish() {
            defer {
                run.removeAll(keepingCapacity: true)
                runIsASCII = true
            }
            guard !run.isEmpty else { return }
            if runIsASCII {
                guard run.count > 1 else { return }
                let word = String(decoding: run, as: UTF8.self)
                if !stopWords.contains(word) { words.append(word) }
            } else {
                words += unicodeWords(in: String(decoding: run, as: UTF8.self))
            }
        }
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x5F: run.append(byte)
            case 0x41...0x5A: run.append(byte + 0x20)
            case 0x80...: run.append(byte); runIsASCII = false
            default: finish()
            }
        }
        finish()
        return words
    }

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
        var out = "window.stepwiseSearch={\"pages\":["
        out += pages.map { "[\(json($0.title)),\(json($0.url))]" }.joined(separator: ",")
        out += "],\"sections\":["
        out += sections.map { "[\($0.page),\(json($0.anchor)),\(json($0.heading))]" }.joined(separator: ",")
        out += "],\"words\":["
        let words = postings.keys.sorted()
        out += words.map(json).joined(separator: ",")
        out += "],\"postings\":["
        out += words.map { word in
            var previous = 0
            let encoded = postings[word]!.map { posting -> String in
                defer { previous = posting.section }
                return String(posting.section - previous, radix: 36) + (posting.weight == 1 ? "" : ".\(posting.weight)")
            }
            return "\"" + encoded.joined(separator: " ") + "\""
        }.joined(separator: ",")
        return out + "]};\n"
    }

    /// A JSON string literal.
    private func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"  // never close the script element
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

import Foundation
