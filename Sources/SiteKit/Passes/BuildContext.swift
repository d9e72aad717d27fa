/// What passes may know about the whole book while they transform one chapter.
struct BuildContext: Sendable {
    let book: Book
    /// The examples package's snippets, when `site.yml` names the package.
    var snippets: SnippetIndex?
    /// Anchors of every page, by chapter source path; filled after every chapter's headings are known.
    var anchorsBySource: [String: Set<String>] = [:]

    /// The snippet or library source file in the repository, at the embedded lines, for the code block's title link.
    func sourceURL(of embed: SnippetEmbed) -> String? {
        guard let repository = book.config.repository, let examples = book.config.examplesRepositoryPath else { return nil }
        let lines = embed.sourceLines.map { "#L\($0.lowerBound)-L\($0.upperBound)" } ?? ""
        return "\(repository)/blob/\(book.config.branch)/\(examples)/\(embed.snippet.packagePath)\(lines)"
    }
}
