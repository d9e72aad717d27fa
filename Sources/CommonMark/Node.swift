import CMark

/// A node of a cmark tree.
///
/// A `Node` is a non-owning handle: it stays valid while the ``Document`` that contains it is alive
/// and the node has not been freed. Create new nodes with ``Node/init(type:)`` and insert them into
/// the tree; a node that is never inserted must be released with ``free()``.
public struct Node: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// Creates a detached node of the given type.
    public init(type: NodeType) {
        pointer = cmark_node_new(type.raw)
    }

    /// Creates a detached raw-HTML block holding `html` verbatim.
    public static func htmlBlock(_ html: String) -> Node {
        let node = Node(type: .htmlBlock)
        node.literal = html
        return node
    }

    /// Creates a detached raw-HTML inline holding `html` verbatim.
    public static func htmlInline(_ html: String) -> Node {
        let node = Node(type: .htmlInline)
        node.literal = html
        return node
    }

    /// Creates a detached text inline.
    public static func text(_ text: String) -> Node {
        let node = Node(type: .text)
        node.literal = text
        return node
    }

    /// Creates a detached custom block that renders `onEnter`, its children, then `onExit`.
    public static func customBlock(onEnter: String, onExit: String) -> Node {
        let node = Node(type: .customBlock)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    /// Creates a detached custom inline that renders `onEnter`, its children, then `onExit`.
    public static func customInline(onEnter: String, onExit: String) -> Node {
        let node = Node(type: .customInline)
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    public var type: NodeType { NodeType(cmark_node_get_type(pointer)) }

    // MARK: Navigation

    public var parent: Node? { Node(cmark_node_parent(pointer)) }
    public var firstChild: Node? { Node(cmark_node_first_child(pointer)) }
    public var lastChild: Node? { Node(cmark_node_last_child(pointer)) }
    public var next: Node? { Node(cmark_node_next(pointer)) }
    public var previous: Node? { Node(cmark_node_previous(pointer)) }

    /// The direct children, in order. Safe to use while unlinking the child being visited.
    public var children: [Node] {
        var result: [Node] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Every node below this one (not including it), in document order.
    public var descendants: [Node] {
        nodesBelow { _ in true }
    }

    /// Every block below this one, in document order, without looking inside paragraphs, headings and inlines,
    /// which hold only inlines. Most nodes of a document are inlines, so this is much cheaper than ``descendants``
    /// for a pass that edits only blocks. A custom block's inline children are listed too.
    public var blocks: [Node] {
        nodesBelow { node in
            switch node.type {
            case .paragraph, .heading, .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis,
                .strong, .link, .image:
                false
            default:
                true
            }
        }
    }

    /// The nodes below this one in document order, looking inside a node only when `entering` says so.
    private func nodesBelow(entering: (Node) -> Bool) -> [Node] {
        var result: [Node] = []
        func visit(_ node: Node) {
            var child = node.firstChild
            while let current = child {
                result.append(current)
                if entering(current) { visit(current) }
                child = current.next
            }
        }
        visit(self)
        return result
    }

    // MARK: Content

    /// The text of text, code, code-block and raw-HTML nodes.
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The destination of a link or image.
    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    /// The title of a link or image.
    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_title(pointer, newValue) }
    }

    /// The info string of a fenced code block (`swift` in ```` ```swift ````).
    public var fenceInfo: String? {
        get { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_fence_info(pointer, newValue) }
    }

    /// The level of a heading, 1 through 6; 0 for other nodes.
    public var headingLevel: Int {
        get { Int(cmark_node_get_heading_level(pointer)) }
        nonmutating set { cmark_node_set_heading_level(pointer, Int32(newValue)) }
    }

    /// Where the node starts in the source. Inline nodes may report line 0 when cmark has no position.
    public var start: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(pointer)), column: Int(cmark_node_get_start_column(pointer)))
    }

    /// Where the node ends in the source.
    public var end: SourcePosition {
        SourcePosition(line: Int(cmark_node_get_end_line(pointer)), column: Int(cmark_node_get_end_column(pointer)))
    }

    /// The concatenated text of this node's inline content, as a reader sees it (no markup).
    public var plainText: String {
        var text = ""
        func visit(_ node: Node) {
            switch node.type {
            case .text, .code, .htmlInline:
                if node.type != .htmlInline { text += node.literal ?? "" }
            case .softBreak, .lineBreak:
                text += " "
            default:
                break
            }
            var child = node.firstChild
            while let current = child {
                visit(current)
                child = current.next
            }
        }
        visit(self)
        return text
    }

    // MARK: Editing

    /// Inserts `sibling` before this node.
    public func insertBefore(_ sibling: Node) {
        cmark_node_insert_before(pointer, sibling.pointer)
    }

    /// Inserts `sibling` after this node.
    public func insertAfter(_ sibling: Node) {
        cmark_node_insert_after(pointer, sibling.pointer)
    }

    /// Appends `child` as the last child of this node.
    public func appendChild(_ child: Node) {
        cmark_node_append_child(pointer, child.pointer)
    }

    /// Puts `replacement` where this node was and frees this node and its children.
    public func replace(with replacement: Node) {
        cmark_node_replace(pointer, replacement.pointer)
        cmark_node_free(pointer)
    }

    /// Merges adjacent text nodes below this one, so `[ ]` or `Title {#id}` is one literal, not several.
    public func consolidateTextNodes() {
        cmark_consolidate_text_nodes(pointer)
    }

    /// Detaches this node from the tree without freeing it.
    public func unlink() {
        cmark_node_unlink(pointer)
    }

    /// Detaches and frees this node and its children.
    public func free() {
        cmark_node_free(pointer)
    }

    /// Renders this node and its children as HTML. Raw HTML is kept: the author is trusted.
    public func renderHTML() -> String {
        guard let html = cmark_render_html(pointer, CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
