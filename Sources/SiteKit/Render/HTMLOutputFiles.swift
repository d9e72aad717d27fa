import Foundation

/// The files mdBook's `[output.html]` settings add to a site: a page for each old URL of
/// `[output.html.redirect]`, and the `additional-css` and `additional-js` files, at the paths the book gives them.
enum HTMLOutputFiles {
    static func files(for book: Book, renderer: PageRenderer) -> [(path: String, data: Data)] {
        let html = book.config.html
        var files: [(String, Data)] = []
        let byPage = Dictionary(grouping: html.redirects, by: \.page)
        for (page, redirects) in byPage.sorted(by: { $0.key < $1.key }) {
            guard let target = redirects.first(where: { $0.fragment == nil })?.target else { continue }
            let fragments = redirects.compactMap { redirect in redirect.fragment.map { ("#" + $0, redirect.target) } }
            files.append((page, Data(renderer.renderMovedPage(to: target, fragments: fragments, from: page).utf8)))
        }
        if let folder = book.config.bookFolder {
            for path in html.additionalCSS + html.additionalJS {
                if let data = POSIXFile.read(folder.appendingPathComponent(path).path) {
                    files.append((HTMLOutputSettings.sitePath(path), data))
                }
            }
        }
        return files
    }
}
