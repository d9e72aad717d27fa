import CommonMark

/// The searchable text of one part of a page: what comes before its first heading, or one heading and what follows it.
struct SearchSection: Sendable {
    /// Which heading of the page starts it (0-based, in document order); `nil` for the text before the first heading.
    var headingOrdinal: Int?
    var heading: String
    var text: String
    /// The section's distinct words, once ``weigh(title:)`` ran.
    var words = WordList()
    /// By word number in ``words``, where the word counts most in the section: title, heading or body
    /// (``SearchIndex/Weight``).
    var weights: [UInt8] = []

    init(headingOrdinal: Int?, heading: String, text: String) {
        self.headingOrdinal = headingOrdinal
        self.heading = heading
        self.text = text
    }

    /// True when the section holds something to find.
    var isEmpty: Bool { headingOrdinal == nil && text.allSatisfy(\.isWhitespace) }

    /// Splits a chapter's tree into sections. Runs before ``HeadingPass``, which numbers headings in the same order.
    static func sections(of document: Document) -> [SearchSection] {
        var sections = [SearchSection(headingOrdinal: nil, heading: "", text: "")]
        var headings = 0
        func visit(_ node: Node) {
            var child = node.firstChild
            while let current = child {
                switch current.type {
                case .heading:
                    sections.append(SearchSection(headingOrdinal: headings, heading: current.plainText, text: ""))
                    headings += 1
                case .text, .code, .codeBlock:
                    sections[sections.count - 1].text += current.literal ?? ""
                    sections[sections.count - 1].text += " "
                case .softBreak, .lineBreak:
                    sections[sections.count - 1].text += " "
                default:
                    visit(current)
                }
                child = current.next
            }
        }
        visit(document.root)
        return sections.filter { !$0.isEmpty }
    }

    /// Computes ``weights``; the page title counts for the text before the first heading and for the first heading's section.
    mutating func weigh(title: String) {
        let carriesTitle = headingOrdinal == nil || headingOrdinal == 0
        (words, weights) = SearchIndex.weights(text: text, heading: heading, title: carriesTitle ? title : nil)
        text = ""
    }
}
