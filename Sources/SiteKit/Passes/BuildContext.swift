/// What passes may know about the whole book while they transform one chapter.
struct BuildContext: Sendable {
    let book: Book
    /// Anchors of every page, by chapter source path; filled after every chapter's headings are known.
    var anchorsBySource: [String: Set<String>] = [:]
}
