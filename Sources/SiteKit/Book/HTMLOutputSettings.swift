import CommonMark

/// mdBook's `[output.html]` settings that change the site, read from `book.toml`.
///
/// Each setting is honoured or reported as a note with its position: the site is still built, without it.
public struct HTMLOutputSettings: Sendable, Equatable {
    /// Style sheets and scripts relative to the book's folder, copied to the same path in the site and linked
    /// from every page.
    public var additionalCSS: [String] = []
    public var additionalJS: [String] = []
    /// Pages that moved: each old page (relative to the site's root) becomes a page that sends readers on.
    public var redirects: [Redirect] = []
    /// The "edit this page" link, with `{path}` standing for the chapter's path from the book's folder.
    public var editURLTemplate: String?
    /// Where the site is served (`/mdBook/`): the 404 page, which any URL may show, links from there.
    public var siteURL: String?
    /// Chapters are listed without their section numbers.
    public var noSectionLabel = false
    /// `[output.html.search] enable = false` leaves the search box out.
    public var searchEnabled = true
    /// The Markdown of the 404 page, relative to the chapters' folder (`input-404`, `404.md` by default).
    public var input404 = "404.md"
    /// `term` / `: definition` lines make definition lists (`definition-lists`, on by default since mdBook 0.5).
    public var definitionLists = true
    /// `[output.html.fold] enable = true`: the sidebar folds chapters' sub-chapters below `foldLevel`.
    public var foldEnabled = false
    /// `[output.html.fold] level`: how many levels of chapters stay unfolded (mdBook's default, 0, folds all).
    public var foldLevel = 0
    /// Where `book.toml` names each additional file, for reporting one that is missing.
    var positions: [String: SourcePosition] = [:]

    /// `"/old.html" = "new.html"`, or `"/old.html#part" = "new.html#part"` for one fragment of the old page.
    public struct Redirect: Sendable, Equatable {
        /// The old page, relative to the site's root (`format/config.html`).
        public var page: String
        /// The fragment of the old page this entry is for, without `#`; nil for the page itself.
        public var fragment: String?
        /// The new URL, relative to the old page, or absolute.
        public var target: String
        /// Where `book.toml` sets it.
        public var position: SourcePosition
    }

    /// Keys of `[output.html]` that need nothing from Stepwise: the site is the same without them.
    static let harmless: Set<String> = ["hash-files", "live-reload-endpoint", "git-repository-icon", "copy-fonts"]

    /// The settings of `entries`, with a note for each setting Stepwise leaves out.
    static func read(
        _ entries: [BookTOML.Entry], displayPath: String
    ) -> (settings: HTMLOutputSettings, gitRepositoryURL: String?, diagnostics: [Diagnostic]) {
        var settings = HTMLOutputSettings()
        var repository: String?
        var diagnostics: [Diagnostic] = []
        var notedTables: Set<String> = []
        for entry in entries {
            let value = TOMLValue(entry, displayPath: displayPath)
            func note(_ message: String) {
                diagnostics.append(.note(message, at: displayPath, line: entry.line, column: entry.column))
            }
            switch (entry.table, entry.key) {
            case (_, ""):
                continue  // a table header; its settings follow
            case ("output.html", "additional-css"):
                settings.additionalCSS = value.strings(&diagnostics) ?? []
                for file in settings.additionalCSS {
                    settings.positions[file] = SourcePosition(line: entry.line, column: entry.column)
                }
            case ("output.html", "additional-js"):
                settings.additionalJS = value.strings(&diagnostics) ?? []
                for file in settings.additionalJS {
                    settings.positions[file] = SourcePosition(line: entry.line, column: entry.column)
                }
            case ("output.html", "git-repository-url"):
                repository = value.string(&diagnostics)
            case ("output.html", "edit-url-template"):
                settings.editURLTemplate = value.string(&diagnostics)
            case ("output.html", "site-url"):
                settings.siteURL = value.string(&diagnostics)
            case ("output.html", "no-section-label"):
                settings.noSectionLabel = value.bool(&diagnostics) ?? false
            case ("output.html", "input-404"):
                settings.input404 = value.string(&diagnostics) ?? settings.input404
            case ("output.html", "definition-lists"):
                settings.definitionLists = value.bool(&diagnostics) ?? true
            case ("output.html.fold", "enable"):
                settings.foldEnabled = value.bool(&diagnostics) ?? false
            case ("output.html.fold", "level"):
                settings.foldLevel = value.int(&diagnostics) ?? 0
            case ("output.html.search", "enable"):
                settings.searchEnabled = value.bool(&diagnostics) ?? true
            case ("output.html.search", "use-boolean-and") where entry.value == "true":
                continue  // Stepwise's search finds the sections holding every word already
            case ("output.html.redirect", let old):
                guard let target = value.string(&diagnostics) else { continue }
                let (page, fragment) = LinkPass.split(old)
                settings.redirects.append(
                    Redirect(
                        page: Self.sitePath(page), fragment: old.contains("#") ? fragment : nil, target: target,
                        position: SourcePosition(line: entry.line, column: entry.column)))
            case ("output.html", let key) where Self.harmless.contains(key):
                continue
            case ("output.html", let key), ("output.html.search", let key):
                note("setting '\(key)' of [\(entry.table)] is not supported by Stepwise, so it is ignored")
            case (let table, _) where table.hasPrefix("output.html."):
                if notedTables.insert(table).inserted {
                    note("[\(table)] is not supported by Stepwise, so its settings are ignored")
                }
            default:
                continue
            }
        }
        return (settings, repository, diagnostics)
    }

    /// mdBook's checks of the redirects against the book's pages: a redirect may not replace a chapter's page, and
    /// an old page needs an entry without a fragment, which says where the page itself went.
    func redirectProblems(pages: Set<String>, displayPath: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var pagesWithDefault = Set(redirects.filter { $0.fragment == nil }.map(\.page))
        for redirect in redirects {
            let at = (line: redirect.position.line, column: redirect.position.column)
            if pages.contains(redirect.page), redirect.fragment == nil {
                problems.append(
                    .error(
                        "redirect for '\(redirect.page)', which is a chapter's page; delete the redirect or remove the chapter",
                        at: displayPath, line: at.line, column: at.column))
            }
            if !pagesWithDefault.contains(redirect.page) {
                pagesWithDefault.insert(redirect.page)
                problems.append(
                    .error(
                        "redirect entries for '\(redirect.page)' all have a '#' fragment; add one without, for the page itself",
                        at: displayPath, line: at.line, column: at.column))
            }
        }
        return problems
    }

    /// An old page's path relative to the site's root: `/a.html` and `./a.html` are `a.html`.
    static func sitePath(_ written: String) -> String {
        var path = Substring(written)
        while path.hasPrefix("/") || path.hasPrefix("./") {
            path = path.hasPrefix("/") ? path.dropFirst() : path.dropFirst(2)
        }
        return String(path)
    }
}
