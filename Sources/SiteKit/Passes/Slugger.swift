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
}
