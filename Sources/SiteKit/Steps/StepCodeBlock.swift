/// The code block of a `@Step`: the file at that step, with the lines added since the previous step in `<ins>` and
/// the lines removed in `<del>`, each with a `+` or `-` gutter drawn by CSS.
///
/// ```html
/// <figure class="code step-code">
/// <input type="checkbox" class="step-whole" id="step-whole-1">
/// <div class="code-title">Sources/Votes/Votes.swift <span class="step-stats">…</span>
///   <label for="step-whole-1">Show whole file</label></div>
/// <div class="code-body"><pre><code class="language-swift">
///   <span class="line fold">…</span>    unchanged lines far from a change, shown when the box is checked
///   <span class="fold-marker" data-lines="12"></span>    stands for them while they are hidden
///   <del class="line">…</del><ins class="line">…</ins>
/// </code></pre><button type="button" class="code-copy" hidden>Copy</button></div>
/// </figure>
/// ```
/// The toggle is a checkbox and CSS, so it works without JavaScript. Every line carries its own line break, so a
/// hidden line leaves no gap, and the copy button (``copy.js``) copies the text without the `<del>` lines: the file
/// as it is at this step. Gutters and fold labels are CSS content, never part of the copied text.
struct StepCodeBlock {
    /// Unchanged lines kept around each change while the rest is folded.
    static let context = 3

    let file: StepFile
    /// Unique on the page, for the checkbox's id.
    let ordinal: Int
    /// Where the title links to, such as the file in the repository.
    let titleURL: String?

    var html: String {
        let language = Self.language(forFile: file.directive.file)
        let current = HighlightedLines(file.text, language: language).html
        let rows: [Row]
        if let previous = file.previous {
            let old = HighlightedLines(previous, language: language).html
            let diff = LineDiff(old: previous, new: file.text)
            rows = Self.rows(diff, old: old, new: current)
        } else {
            rows = current.map { Row(kind: .plain, html: $0) }
        }
        let folds = rows.contains { $0.kind == .folded }
        let toggleID = "step-whole-\(ordinal)"
        var html = "<figure class=\"code step-code\">\n"
        if folds { html += "<input type=\"checkbox\" class=\"step-whole\" id=\"\(toggleID)\">\n" }
        html += "<div class=\"code-title\">"
        if let titleURL {
            html += "<a href=\"\(HTMLEscape.escaped(titleURL))\">\(HTMLEscape.escaped(file.directive.file))</a>"
        } else {
            html += HTMLEscape.escaped(file.directive.file)
        }
        html += " <span class=\"step-number\">step \(file.directive.step)</span>"
        if file.previous != nil {
            let added = rows.count { $0.kind == .added }
            let removed = rows.count { $0.kind == .removed }
            html +=
                " <span class=\"step-stats\" title=\"Since step \(file.directive.step - 1), lines added: \(added), "
                + "removed: \(removed)\"><ins>+\(added)</ins> <del>-\(removed)</del></span>"
        }
        if folds { html += " <label for=\"\(toggleID)\">Show whole file</label>" }
        html += "</div>\n<div class=\"code-body\"><pre><code"
        if let language { html += " class=\"language-\(language)\"" }
        html += ">"
        var index = 0
        while index < rows.count {
            if rows[index].kind == .folded {
                var end = index
                while end < rows.count, rows[end].kind == .folded { end += 1 }
                html += "<span class=\"fold-marker\" data-lines=\"\(end - index)\"></span>"
                for row in rows[index..<end] { html += row.markup }
                index = end
            } else {
                html += rows[index].markup
                index += 1
            }
        }
        html += "</code></pre><button type=\"button\" class=\"code-copy\" hidden>Copy</button></div>\n</figure>\n"
        return html
    }

    /// One line as shown.
    struct Row {
        enum Kind { case plain, folded, added, removed }
        var kind: Kind
        var html: String

        var markup: String {
            switch kind {
            case .plain: "<span class=\"line\">\(html)\n</span>"
            case .folded: "<span class=\"line fold\">\(html)\n</span>"
            case .added: "<ins class=\"line\">\(html)\n</ins>"
            case .removed: "<del class=\"line\">\(html)\n</del>"
            }
        }
    }

    /// The diff's lines in order; unchanged lines more than ``context`` lines from any change are folded.
    static func rows(_ diff: LineDiff, old: [String], new: [String]) -> [Row] {
        let changed = diff.lines.indices.filter {
            if case .unchanged = diff.lines[$0] { false } else { true }
        }
        var nearChange = [Bool](repeating: false, count: diff.lines.count)
        for index in changed {
            for near in max(0, index - context)...min(diff.lines.count - 1, index + context) { nearChange[near] = true }
        }
        func html(_ index: Int, in lines: [String]) -> String { index < lines.count ? lines[index] : "" }
        return diff.lines.enumerated().map { index, line in
            switch line {
            case .unchanged(_, let line): Row(kind: nearChange[index] ? .plain : .folded, html: html(line, in: new))
            case .removed(let line): Row(kind: .removed, html: html(line, in: old))
            case .added(let line): Row(kind: .added, html: html(line, in: new))
            }
        }
    }

    /// The highlighter's language for a file name.
    static func language(forFile file: String) -> String? {
        switch file.split(separator: ".").last {
        case "swift": "swift"
        case "json": "json"
        case "yml", "yaml": "yaml"
        case "sh": "shell"
        default: nil
        }
    }
}
