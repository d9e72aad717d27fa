import CommonMark
import Foundation

/// Turns a transformed chapter into a complete HTML page through the theme.
struct PageRenderer: Sendable {
    let book: Book
    let theme: Theme
    let sidebar: Sidebar
    /// Each chapter's page title (front matter first), by reading order, for the previous and next links.
    var titles: [String]

    init(book: Book, theme: Theme, titles: [String]? = nil) {
        self.book = book
        self.theme = theme
        sidebar = Sidebar(book: book)
        self.titles = titles ?? book.chapters.map(\.title)
    }

    /// The page for `chapter`, whose transformed body is `bodyHTML`.
    func render(_ chapter: ParsedChapter, bodyHTML: String) -> String {
        let index = chapter.chapter.index
        let pagePath = chapter.chapter.outputPath
        var context = siteContext(pagePath: pagePath)
        context["sidebar"] = .string(sidebar.html(currentPage: pagePath))
        context["title"] = .string(chapter.title)
        context["description"] = .string(chapter.frontMatter.description ?? book.config.description)
        if !chapter.chapter.number.isEmpty {
            context["number"] = .string(chapter.chapter.number.map(String.init).joined(separator: ".") + ".")
        }
        context["show_title"] = .bool(!chapter.hasOwnTitle)
        context["content"] = .string(bodyHTML)
        let toc = chapter.headings.filter { $0.level == 2 || $0.level == 3 }
        context["toc"] = .list(
            toc.map { .object(["id": .string($0.id), "text": .string($0.text), "sub": .bool($0.level == 3)]) })
        context["has_toc"] = .bool(toc.count > 1)
        if index > 0 {
            let previous = book.chapters[index - 1]
            context["previous"] = .object([
                "title": .string(titles[index - 1]),
                "url": .string(RelativeURL.from(pagePath, to: previous.outputPath)),
            ])
        }
        if index + 1 < book.chapters.count {
            let next = book.chapters[index + 1]
            context["next"] = .object([
                "title": .string(titles[index + 1]), "url": .string(RelativeURL.from(pagePath, to: next.outputPath)),
            ])
        }
        if let editURL = editURL(forSource: chapter.chapter.sourcePath) {
            context["edit_url"] = .string(editURL)
        }
        return theme.render("page", context)
    }

    /// The "edit this page" link: mdBook's `edit-url-template`, whose `{path}` is the chapter's path from the book's
    /// folder (`src/intro.md`), or the repository's edit page of the file for Stepwise's own books.
    private func editURL(forSource sourcePath: String) -> String? {
        guard book.config.isMdBook else {
            guard let repository = book.config.repository else { return nil }
            let contentPath = book.config.contentPath.isEmpty ? "" : book.config.contentPath + "/"
            return "\(repository)/edit/\(book.config.branch)/\(contentPath)\(sourcePath)"
        }
        guard let template = book.config.html.editURLTemplate else { return nil }
        var path = sourcePath
        if let folder = book.config.bookFolder?.standardizedFileURL.path, book.root.url.path.hasPrefix(folder + "/") {
            path = book.root.url.path.dropFirst(folder.count + 1) + "/" + sourcePath
        }
        return template.replacingOccurrences(of: "{path}", with: path)
    }

    /// `contents.html`: the whole book's tree, the one page whose size grows with the book.
    func renderContents() -> String {
        var context = siteContext(pagePath: "contents.html")
        context["sidebar"] = .string(sidebar.html(currentPage: nil))
        context["title"] = "Contents"
        context["description"] = .string(book.config.description)
        return theme.render("contents", context)
    }

    /// `index.html` when the first chapter is elsewhere: it sends the reader on, with no script needed.
    func renderRedirect(to target: String) -> String {
        var context = siteContext(pagePath: "index.html")
        context["url"] = .string(target)
        return theme.render("redirect", context)
    }

    /// A page that moved (at `pagePath`), as mdBook writes it for `[output.html.redirect]`, through the theme's
    /// `moved.mustache`: a refresh to `target`, and a script that sends a link to one of the old page's sections
    /// (`#old`) where `fragments` says it went.
    func renderMovedPage(
        to target: String, fragments: [(fragment: String, target: String)], from pagePath: String
    ) -> String {
        let map = Dictionary(fragments.map { ($0.fragment, $0.target) }, uniquingKeysWith: { first, _ in first })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON inside a script: `</` would end the script early.
        let json = { (value: any Encodable) in
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }?
                .replacingOccurrences(of: "</", with: "<\\/") ?? "null"
        }
        var context = siteContext(pagePath: pagePath)
        context["url"] = .string(target)
        context["fragment_map"] = .string(json(map))
        context["target_json"] = .string(json(target))
        return theme.render("moved", context)
    }

    /// `404.html`, which a server may send for any URL, so its style and icon are inlined and its one link is to
    /// the home page.
    func renderNotFound() -> String {
        var context = siteContext(pagePath: "404.html")
        context["title"] = "Page not found"
        // Any URL may show it, so with mdBook's `site-url` its links start from where the site is served.
        context["home"] = .string(book.config.html.siteURL ?? "./")
        // mdBook writes the page from its own Markdown file (`404.md`) when the book has one.
        let notFound = book.config.html.input404
        if book.config.isMdBook, book.root.fileExists(notFound),
            let data = POSIXFile.read(book.root.fileURL(notFound).path)
        {
            context["not_found_html"] = .string(Document(markdown: String(decoding: data, as: UTF8.self)).renderHTML())
        }
        context["inline_css"] = .string(theme.files["style.css"].map { String(decoding: $0, as: UTF8.self) } ?? "")
        if let icon = theme.files["favicon.svg"] {
            context["inline_icon"] = .string("data:image/svg+xml;base64," + icon.base64EncodedString())
        }
        return theme.render("404", context)
    }

    private func siteContext(pagePath: String) -> [String: TemplateValue] {
        var site: [String: TemplateValue] = [
            "title": .string(book.config.title),
            "description": .string(book.config.description),
            "language": .string(book.config.language),
        ]
        if let repository = book.config.repository { site["repository"] = .string(repository) }
        let root = RelativeURL.rootPrefix(from: pagePath)
        let html = book.config.html
        site["additional_css"] = .list(
            html.additionalCSS.map { .object(["url": .string(root + HTMLOutputSettings.sitePath($0))]) })
        site["additional_js"] = .list(
            html.additionalJS.map { .object(["url": .string(root + HTMLOutputSettings.sitePath($0))]) })
        site["search"] = .bool(html.searchEnabled)
        if !book.config.authors.isEmpty { site["authors"] = .string(book.config.authors.joined(separator: ", ")) }
        return [
            "site": .object(site),
            "root": .string(root),
            "home": .string(RelativeURL.from(pagePath, to: "index.html")),
            "contents_url": .string(RelativeURL.from(pagePath, to: "contents.html")),
        ]
    }
}
