/// Makes heading anchors the way GitHub does: `Hello, World!` → `hello-world`, then `hello-world-1` for a repeat.
public struct Slugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The slug of `text`, numbered when an earlier heading of the page already took it.
    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
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
