import Foundation

/// The guide's settings, from `content/site.yml`.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var description: String
    /// The language of the text, as a BCP 47 tag (`en`, `fr-CA`).
    public var language: String
    /// The repository's web address, for "edit this page" and "view source" links.
    public var repository: String?
    /// The branch that "edit" links point at.
    public var branch: String
    /// Where the book's folder sits in the repository (`content`), for "edit this page" links.
    public var contentPath: String
    /// The examples package, relative to the content folder (`../examples`).
    public var examples: String?
    /// The authors, from mdBook's `book.toml`.
    public var authors: [String] = []
    /// True for a book configured by mdBook's `book.toml`: links that leave the book are written as they are,
    /// as they often lead to a sibling book on the same host.
    public var isMdBook = false
    /// How problems that mdBook tolerates (broken links and anchors) are reported: errors in Stepwise's own books,
    /// warnings in an mdBook book unless its `book.toml` says `[output.stepwise] strict = true`.
    public var toleratedProblems: Diagnostic.Severity = .error
    /// mdBook's `[output.html]` settings; their defaults for Stepwise's own books.
    public var html = HTMLOutputSettings()
    /// The folder holding `book.toml`, for the files its settings name; nil for Stepwise's own books.
    public var bookFolder: URL?
    /// mdBook's preprocessors, built-in and external, in the order they run.
    var preprocessors = PreprocessorPlan()

    public init(
        title: String = "Untitled guide", description: String = "", language: String = "en",
        repository: String? = nil, branch: String = "main", contentPath: String = "content", examples: String? = nil
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.repository = repository
        self.branch = branch
        self.contentPath = contentPath
        self.examples = examples
    }

    static let keys: Set<String> = [
        "title", "description", "language", "repository", "branch", "content-path", "examples",
    ]

    /// Reads the settings; problems come back as diagnostics beside whatever could be read.
    static func parse(yaml: String, displayPath: String) -> (SiteConfig, [Diagnostic]) {
        let mapping = YAMLMapping(yaml: yaml, displayPath: displayPath, knownKeys: keys)
        let values = mapping.values
        var config = SiteConfig()
        config.title = values["title"] ?? config.title
        config.description = values["description"] ?? ""
        config.language = values["language"] ?? "en"
        config.repository = values["repository"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        config.branch = values["branch"] ?? "main"
        config.contentPath = values["content-path"] ?? "content"
        config.examples = values["examples"]
        return (config, mapping.diagnostics)
    }

    /// Settings from an mdBook `book.toml`, for books that have no `site.yml`.
    init(book: BookTOML) {
        self.init()
        title = book.title ?? title
        description = book.description ?? ""
        language = book.language ?? "en"
        authors = book.authors
        isMdBook = true
        toleratedProblems = book.strict ? .error : .warning
    }
}

extension SiteConfig {
    /// The examples package's folder relative to the repository root (`examples`), from `content-path` and `examples`.
    var examplesRepositoryPath: String? {
        guard let examples else { return nil }
        var components: [Substring] = []
        for component in (contentPath + "/" + examples).split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
