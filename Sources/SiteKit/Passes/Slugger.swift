import Foundation

/// Makes heading anchors the way GitHub does: `Hello, World!` → `hello-world`, then `hello-world-1` for a repeat;
/// or, for an mdBook book, the way mdBook 0.5 does (``Style/mdBook``).
public struct Slugger: Sendable {
    /// Whose rule turns a heading's text into its anchor.
    public enum Style: Sendable {
        /// GitHub's: lowercase, letters, digits, `-` and `_` kept, each space a `-`.
        case github
        /// mdBook 0.5's `id_from_content` (`crates/mdbook-html/src/utils.rs`): the text trimmed, Unicode
        /// lowercase (mdBook 0.5.0: "IDs now use Unicode lowercase", #2922), alphanumeric characters, `-` and `_`
        /// kept, any whitespace a `-`. Repeats are numbered like GitHub's (`unique_id`, #2846).
        case mdBook
    }

    private let style: Style
    private var used: [String: Int] = [:]

    public init(style: Style = .github) {
        self.style = style
    }

    /// The slug of `text`, numbered when an earlier heading of the page already took it.
    public mutating func slug(for text: String) -> String {
        let base = style == .github ? Self.baseSlug(text) : Self.mdBookSlug(text)
        var candidate = base
        while used[candidate] != nil {
            used[base, default: 0] += 1
            candidate = "\(base)-\(used[base]!)"
        }
        used[candidate] = 0
        return candidate
    }

    /// Marks `slug` as taken, for ids the author wrote by hand.
    public mutating func reserve(_ slug: String) {
        if used[slug] == nil { used[slug] = 0 }
    }

    /// Lowercases, keeps letters, digits, `-` and `_`, turns spaces into `-` and drops the rest.
    static func baseSlug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// mdBook 0.5's `id_from_content`, character by character as Rust's `char` (a Unicode scalar) sees it:
    /// `is_alphanumeric` is the Alphabetic property or a numeric general category.
    static func mdBookSlug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case _ where properties.isAlphabetic: slug.append(scalar)
            case .decimalNumber, .letterNumber, .otherNumber: slug.append(scalar)
            case _ where scalar == "_" || scalar == "-": slug.append(scalar)
            case _ where properties.isWhitespace: slug.append("-")
            default: break
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// ``baseSlug(_:)`` of an ASCII heading, nearly every heading, on bytes rather than Characters.
    private static func asciiSlug(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                slug.append(byte)
            case UInt8(ascii: " "): slug.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
