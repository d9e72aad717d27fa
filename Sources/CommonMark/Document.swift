import CMark

/// A parsed CommonMark document that owns its cmark tree.
///
/// ```swift
/// let document = Document(markdown: "# Hello\n\nSee [events](events.md).")
/// for node in document.root.descendants where node.type == .link {
///     node.url = "events.html"
/// }
/// print(document.renderHTML())
/// ```
public final class Document {
    /// The document node at the top of the tree.
    public let root: Node

    /// Parses `markdown`, recording source positions for every block.
    public init(markdown: String) {
        var source = markdown
        root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                Node(cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE))
            }
        }
    }

    deinit {
        cmark_node_free(root.pointer)
    }

    /// Renders the whole document as HTML. Raw HTML is kept: the author is trusted.
    public func renderHTML() -> String {
        root.renderHTML()
    }
}
