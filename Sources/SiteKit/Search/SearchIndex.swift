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
        add(Self.page(title: title, url: url, sections: pageSections, anchors: anchors))
    }

    /// One page's sections with their words weighed: the costly half of adding a page, which ``LiveSite``
    /// keeps per page so that rebuilding the index after one edit does not read every page's words again.
    struct Page: Sendable {
        var title: String
        var url: String
        var sections: [(anchor: String, heading: String, weights: [String: Int])]
    }

    static func page(title: String, url: String, sections pageSections: [SearchSection], anchors: [String]) -> Page {
        var page = Page(title: title, url: url, sections: [])
        for section in pageSections where section.headingOrdinal != nil || !section.text.allSatisfy(\.isWhitespace) {
            let anchor = section.headingOrdinal.flatMap { $0 < anchors.count ? anchors[$0] : nil } ?? ""
            var weights: [String: Int] = [:]
            for word in Self.words(in: section.text) { weights[word] = max(weights[word] ?? 0, Weight.body.rawValue) }
            for word in Self.words(in: section.heading) { weights[word] = max(weights[word] ?? 0, Weight.heading.rawValue) }
            if section.headingOrdinal == nil || section.headingOrdinal == 0 {
                for word in Self.words(in: title) { weights[word] = max(weights[word] ?? 0, Weight.title.rawValue) }
            }
            page.sections.append((anchor, section.heading, weights))
        }
        return page
    }

    /// Adds a page whose words are already weighed.
    mutating func add(_ page: Page) {
        let pageIndex = pages.count
        pages.append((page.title, page.url))
        for section in page.sections {
            let index = sections.count
            sections.append((pageIndex, section.anchor, section.heading))
            for (word, weight) in section.weights {
                postings[word, default: []].append((index, weight))
            }
        }
    }

    /// Lowercased words of two or more letters or digits; the commonest English words are left out.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if current.count > 1, !stopWords.contains(current) { words.append(current) }
                current = ""
            }
        }
        if current.count > 1, !stopWords.contains(current) { words.append(current) }
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
