import CommonMark
import Foundation

/// What an external preprocessor receives and gives back, in mdBook 0.5's JSON (`[context, book]` in, `book` out),
/// as mdBook's `extension_compatibility` test pins it down.
enum PreprocessorExchange {
    /// The mdBook version whose protocol Stepwise speaks, sent as `mdbook_version`.
    static let mdBookVersion = "0.5.4"

    /// `[context, book]` for a book whose chapters read `texts` (in reading order).
    /// - Parameter indexApplied: whether mdBook's `index` has run, so that `README.md` chapters show as `index.md`.
    static func input(book: Book, texts: [String], plan: PreprocessorPlan, indexApplied: Bool) -> Data {
        let chapterAt = Dictionary(
            book.chapters.map { ($0.summaryPosition, $0) }, uniquingKeysWith: { first, _ in first })
        func item(_ entry: Summary.Entry, parents: [String]) -> [String: Any] {
            let chapter = entry.path == nil ? nil : chapterAt[entry.position]
            var path = chapter?.sourcePath
            if indexApplied, let source = path, (source as NSString).lastPathComponent.lowercased() == "readme.md" {
                path = (source as NSString).deletingLastPathComponent + (source.contains("/") ? "/" : "") + "index.md"
            }
            return [
                "Chapter": [
                    "name": entry.title,
                    "content": chapter.map { texts[$0.index] } ?? "",
                    "number": entry.number.isEmpty ? NSNull() : entry.number as Any,
                    "sub_items": entry.children.map { item($0, parents: parents + [entry.title]) },
                    "path": path ?? NSNull() as Any,
                    "source_path": chapter?.sourcePath ?? NSNull() as Any,
                    "parent_names": parents,
                ] as [String: Any]
            ]
        }
        let items: [Any] = book.summary.items.map { summaryItem -> Any in
            switch summaryItem {
            case .chapter(let entry): item(entry, parents: [])
            case .part(let title, _): ["PartTitle": title]
            case .separator: "Separator"
            }
        }
        let context: [String: Any] = [
            "root": plan.bookFolder?.path ?? book.root.url.path,
            "config": configuration(plan.settings),
            "renderer": "html",
            "mdbook_version": mdBookVersion,
        ]
        return (try? JSONSerialization.data(withJSONObject: [context, ["items": items]], options: [.sortedKeys]))
            ?? Data()
    }

    /// What a preprocessor gave back: each chapter's new text by its source path, and the names of chapters it
    /// added, which Stepwise does not build (SUMMARY.md decides the pages).
    struct Reply {
        var texts: [String: String] = [:]
        var added: [String] = []
    }

    /// Reads a preprocessor's output, or why it is not a book in mdBook's JSON.
    static func reply(_ data: Data) -> Result<Reply, ReplyError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(ReplyError(reason: "it is not JSON"))
        }
        // mdBook 0.5 names the list `items`; preprocessors built against 0.4 write `sections`.
        guard let book = object as? [String: Any], let items = (book["items"] ?? book["sections"]) as? [Any] else {
            return .failure(ReplyError(reason: "it has no 'items' list"))
        }
        var reply = Reply()
        func visit(_ item: Any) {
            guard let wrapper = item as? [String: Any], let chapter = wrapper["Chapter"] as? [String: Any] else {
                return
            }
            if let source = chapter["source_path"] as? String, let content = chapter["content"] as? String {
                reply.texts[source] = content
            } else if let name = chapter["name"] as? String, chapter["path"] is String {
                reply.added.append(name)
            }
            (chapter["sub_items"] as? [Any])?.forEach(visit)
        }
        items.forEach(visit)
        return .success(reply)
    }

    struct ReplyError: Error, Equatable {
        var reason: String
    }

    /// `book.toml` as mdBook hands it on: every table and setting, typed, with `[book]`'s defaults filled in.
    static func configuration(_ entries: [BookTOML.Entry]) -> [String: Any] {
        var root: [String: Any] = [:]
        func insert(_ value: Any?, at path: [String], into object: inout [String: Any]) {
            guard let head = path.first else { return }
            if path.count == 1 {
                if let value { object[head] = value } else if object[head] == nil { object[head] = [String: Any]() }
                return
            }
            var child = object[head] as? [String: Any] ?? [:]
            insert(value, at: Array(path.dropFirst()), into: &child)
            object[head] = child
        }
        for entry in entries {
            let tablePath = entry.table.isEmpty ? [] : entry.table.split(separator: ".").map(String.init)
            if entry.isTableHeader {
                insert(nil, at: tablePath, into: &root)
            } else {
                insert(TOMLJSON.value(entry.value), at: tablePath + [entry.key], into: &root)
            }
        }
        var book = root["book"] as? [String: Any] ?? [:]
        let defaults: [String: Any] = [
            "authors": [String](), "description": NSNull(), "language": "en", "text-direction": NSNull(),
            "title": NSNull(),
        ]
        book.merge(defaults) { written, _ in written }
        root["book"] = book
        return root
    }
}

/// A TOML value as written, turned into what `JSONSerialization` writes.
enum TOMLJSON {
    static func value(_ written: String) -> Any {
        let text = written.trimmingCharacters(in: .whitespaces)
        if let string = BookTOML.parseString(text) { return string }
        switch text {
        case "true": return true
        case "false": return false
        default: break
        }
        if let integer = Int(text.replacingOccurrences(of: "_", with: "")) { return integer }
        if let number = Double(text.replacingOccurrences(of: "_", with: "")) { return number }
        if text.hasPrefix("["), text.hasSuffix("]") {
            return BookTOML.splitArray(text.dropFirst().dropLast()).map(value)
        }
        if text.hasPrefix("{"), text.hasSuffix("}") {
            var table: [String: Any] = [:]
            for pair in BookTOML.splitArray(text.dropFirst().dropLast()) {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                var key = pair[..<equals].trimmingCharacters(in: .whitespaces)
                key = BookTOML.parseString(key) ?? key
                table[key] = value(String(pair[pair.index(after: equals)...]))
            }
            return table
        }
        return text
    }
}
