import CommonMark

/// A chapter's file as read from disk: its front matter, and its Markdown with includes expanded.
struct ChapterFile {
    /// How diagnostics name the file.
    let displayPath: String
    let frontMatter: FrontMatter
    /// The body, front matter lines left blank and `{{#include …}}` expanded: what cmark parses.
    let markdown: String
    /// For each line of `markdown`, the line of the file it came from, when includes added lines.
    let lineOrigins: [SourcePosition]?
    /// The page title given with `{{#title …}}`.
    let directiveTitle: String?
    /// Files the chapter includes, as absolute paths.
    let includedFiles: Set<String>
    /// Problems of the file, its front matter and its includes.
    let diagnostics: [Diagnostic]

    /// Reads a chapter; one that cannot be read comes back empty, with only its diagnostic.
    static func read(_ chapter: Book.Chapter, root: ContentRoot) -> ChapterFile {
        let displayPath = root.displayPath(chapter.sourcePath)
        let url = root.fileURL(chapter.sourcePath)
        switch SourceFile.read(url, displayPath: displayPath) {
        case .failure(let diagnostic):
            return ChapterFile(
                displayPath: displayPath, frontMatter: FrontMatter(), markdown: "", lineOrigins: nil,
                directiveTitle: nil, includedFiles: [], diagnostics: [diagnostic])
        case .success(let file):
            let (frontMatter, body, problems) = FrontMatter.split(file.text, displayPath: displayPath)
            let expander = IncludeExpander(projectRoot: root.projectRoot, displayName: { root.displayPath(of: $0) })
            let expanded = expander.expand(body, file: url, displayPath: displayPath)
            return ChapterFile(
                displayPath: displayPath, frontMatter: frontMatter, markdown: expanded.text,
                lineOrigins: expanded.lineOrigins, directiveTitle: expanded.title,
                includedFiles: expanded.includedFiles, diagnostics: problems + expanded.diagnostics)
        }
    }
}
