/// Every pass a chapter goes through, in order: the one list to edit when adding a Markdown extension.
///
/// Each pass (``ChapterPass``) gets, as its input, what it needs, often what an earlier pass found, and returns
/// what it found. A pass behind `when:` runs only when the chapter's ``MarkdownSyntaxHints`` say its syntax may be
/// there. The passes run in three stages:
/// 1. ``rewrite(_:syntax:)``: rewrites of the Markdown as written, before cmark parses it.
/// 2. ``structurePasses(_:title:outputPath:syntax:dialect:)``: as soon as the chapter is parsed, on every core, before
///    any page's anchors are known. They give the chapter's outline: headings, anchors and search text.
/// 3. ``pagePasses(_:context:)``: once the whole book is known (every page's anchors, the snippets), just before
///    the page renders.
///
/// To add a pass, write it in its own file and add its line here, with its gate if most chapters lack its syntax
/// (README.md, "Architecture", says how).
enum ChapterPasses {
    /// Rewrites the Markdown before cmark parses it. A rewrite keeps every line and column where it was.
    static func rewrite(_ markdown: String, syntax: MarkdownSyntaxHints) -> String {
        var markdown = markdown
        // cmark would take `[^1]: text` for a link reference definition and drop it from the tree.
        if syntax.footnotes { markdown = FootnotePass.markDefinitions(in: markdown) }
        return markdown
    }

    /// What the structure passes found.
    struct StructureFindings {
        var outline: ChapterOutline
        var reparsedPositions: ReparsedPositions
        var diagnostics: [Diagnostic]
    }

    /// Runs the passes that need only the chapter itself. Includes are not here: they are textual and expanded
    /// before cmark parses the chapter (``IncludeExpander``).
    /// - Parameter dialect: GitHub's Markdown (Stepwise's own books) or mdBook's (`book.toml` books).
    static func structurePasses(
        _ tree: ChapterTree, title: String, outputPath: String, syntax: MarkdownSyntaxHints,
        dialect: MarkdownDialect
    ) -> StructureFindings {
        var passes = PassRunner(tree)
        // Tables come first: their cells are re-parsed into real inlines that every later pass then sees.
        let tables = passes.run(TablePass(), when: syntax.pipes)
        // Callouts, task lists and strikethrough only reshape blocks and inlines, so their order does not matter.
        passes.run(CalloutPass(), when: syntax.blockQuotes)
        passes.run(TaskListPass(), when: syntax.taskMarkers)
        let definitions = passes.run(DefinitionListPass(), when: dialect.definitionLists && syntax.definitions)
        let cellPositions = tables.cellPositions.merging(definitions.definitionPositions)
        passes.run(StrikethroughPass(), when: syntax.tildes, cellPositions)
        let footnotes = passes.run(
            FootnotePass(markup: dialect.isMdBook ? .mdBook : .github), when: syntax.footnotes, cellPositions)
        let reparsedPositions = cellPositions.merging(footnotes.paragraphPositions)
        let headingIDs = passes.run(HeadingIDPass(), when: syntax.headingIDs)
        // After the passes that read text as written (footnote labels, `{#id}`), before headings take their text.
        passes.run(AutolinkPass(), when: dialect.autolinks && syntax.autolinks)
        // The search text is taken just before HeadingPass turns headings into anchored blocks, numbering
        // sections by heading in the same order.
        let search = passes.run(SearchSectionPass(), title)
        let headings = passes.run(
            HeadingPass(slugs: dialect.isMdBook ? .mdBook : .github),
            .init(written: headingIDs, terms: definitions.terms))
        let outline = ChapterOutline(
            outputPath: outputPath, title: title, headings: headings.headings,
            otherAnchors: footnotes.anchors.union(headings.termAnchors),
            searchSections: search.sections)
        return StructureFindings(
            outline: outline, reparsedPositions: reparsedPositions, diagnostics: passes.diagnostics)
    }

    /// What the page passes found.
    struct PageFindings {
        /// Names of the snippets the chapter embeds, and its tutorial steps' files (`Steps/…`).
        var embeddedSnippets: Set<String>
        /// Chapters (by source path) the chapter links to.
        var linkedSources: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// Runs the passes that need the whole book, once: they edit the chapter's tree.
    static func pagePasses(_ chapter: ParsedChapter, context: BuildContext) -> PageFindings {
        var passes = PassRunner(chapter.tree)
        let snippets = passes.run(
            SnippetPass(), when: chapter.syntax.snippets,
            .init(snippets: context.snippets, config: context.book.config))
        // `@Step` paragraphs start like `@Snippet` ones, so the same hint gates both.
        let steps = passes.run(StepPass(), when: chapter.syntax.snippets, .init(book: context.book))
        passes.run(CodeBlockPass())
        // Links come last, so that they see every link node the passes before them built.
        let links = passes.run(
            LinkPass(),
            .init(
                page: chapter.chapter, book: context.book, anchorsBySource: context.anchorsBySource,
                reparsedPositions: chapter.reparsedPositions))
        return PageFindings(
            embeddedSnippets: snippets.embeddedSnippets.union(steps.stepFiles), linkedSources: links.linkedSources,
            diagnostics: passes.diagnostics)
    }
}
