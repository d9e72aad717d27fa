import CommonMark

/// A chapter's file as read from disk: its front matter, and its Markdown with includes expanded.
struct ChapterFile: Sendable {
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

    /// Reads a chapter and expands its includes; one that cannot be read comes back empty, with its diagnostic.
    static func read(_ chapter: Book.Chapter, root: ContentRoot) -> ChapterFile {
        load(chapter, root: root).expandingIncludes(of: chapter, root: root)
    }

    /// Reads a chapter as it is on disk, front matter split off and includes not yet expanded: what a preprocessor
    /// that runs before mdBook's `links` sees.
    static func load(_ chapter: Book.Chapter, root: ContentRoot) -> ChapterFile {
        let displayPath = root.displayPath(chapter.sourcePath)
        switch SourceFile.read(root.fileURL(chapter.sourcePath), displayPath: displayPath) {
        case .failure(let diagnostic):
            return ChapterFile(
                displayPath: displayPath, frontMatter: FrontMatter(), markdown: "", lineOrigins: nil,
                directiveTitle: nil, includedFiles: [], diagnostics: [diagnostic])
        case .success(let file):
            let (frontMatter, body, problems) = FrontMatter.split(file.text, displayPath: displayPath)
            return ChapterFile(
                displayPath: displayPath, frontMatter: frontMatter, markdown: body, lineOrigins: nil,
                directiveTitle: nil, includedFiles: [], diagnostics: problems)
        }
    }

    /// The chapter with its `{{#include …}}` and `{{#title …}}` directives expanded (mdBook's `links`).
    func expandingIncludes(of chapter: Book.Chapter, root: ContentRoot) -> ChapterFile {
        let expander = IncludeExpander(projectRoot: root.projectRoot, displayName: { root.displayPath(of: $0) })
        let expanded = expander.expand(markdown, file: root.fileURL(chapter.sourcePath), displayPath: displayPath)
        return ChapterFile(
            displayPath: displayPath, frontMatter: frontMatter, markdown: expanded.text,
            lineOrigins: expanded.lineOrigins, directiveTitle: expanded.title ?? directiveTitle,
            includedFiles: includedFiles.union(expanded.includedFiles), diagnostics: diagnostics + expanded.diagnostics)
    }

    /// The chapter as a preprocessor rewrote it. Lines keep their origins only while their number is unchanged;
    /// otherwise positions are counted in the rewritten text.
    func replacingMarkdown(_ text: String) -> ChapterFile {
        let sameLines =
            text.utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count
            == markdown.utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count
        return ChapterFile(
            displayPath: displayPath, frontMatter: frontMatter, markdown: text,
            lineOrigins: sameLines ? lineOrigins : nil, directiveTitle: directiveTitle, includedFiles: includedFiles,
            diagnostics: diagnostics)
    }
}
