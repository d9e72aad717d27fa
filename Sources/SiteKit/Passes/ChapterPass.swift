/// One transformation of a chapter's cmark tree, in the manner of mdBook's preprocessors.
///
/// Passes run in order on each chapter. They edit the tree in place and report problems
/// on the chapter; they never stop at the first problem.
protocol ChapterPass: Sendable {
    /// A short name, for diagnostics and benchmarks.
    var name: String { get }
    func run(on chapter: ParsedChapter, in context: BuildContext)
}
