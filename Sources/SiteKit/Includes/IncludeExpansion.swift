import Foundation

/// `{{#include}}` expansion on its own, outside a build: the entry point of the include harness in `Fuzz/`.
///
/// ```swift
/// let result = IncludeExpansion.expand(markdown, chapter: chapterURL, projectRoot: bookURL)
/// print(result.text)
/// ```
public enum IncludeExpansion {
    /// What expanding a chapter gave.
    public struct Result: Sendable {
        /// The Markdown with every directive expanded.
        public var text: String
        /// For each line of `text`, the line of the chapter it came from; nil when nothing was expanded.
        public var originLines: [Int]?
        /// Every file included, as absolute paths with their symlinks resolved.
        public var includedFiles: Set<String>
        public var diagnostics: [Diagnostic]
    }

    /// Expands the directives of `markdown`, the text of the chapter at `chapter`; no include may leave
    /// `projectRoot`.
    public static func expand(_ markdown: String, chapter: URL, projectRoot: URL) -> Result {
        let expander = IncludeExpander(projectRoot: PathBoundary(projectRoot), displayName: { $0.path })
        let result = expander.expand(markdown, file: chapter, displayPath: chapter.path)
        return Result(
            text: result.text, originLines: result.lineOrigins?.map(\.line), includedFiles: result.includedFiles,
            diagnostics: result.diagnostics)
    }
}
