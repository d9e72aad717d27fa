/// One transformation of a chapter's cmark tree, in the manner of mdBook's preprocessors: input → output.
///
/// A pass takes the tree and, as its `Input`, what it needs: often what an earlier pass found. It edits the tree in
/// place and returns what it found as its `Output`, problems included; it never stops at the first problem.
/// ``ChapterPasses`` lists the passes in order and hands each its input.
///
/// ```swift
/// struct ShoutPass: ChapterPass {
///     static let needsMergedText = true
///
///     func run(on tree: ChapterTree, given _: Void) -> [Diagnostic] {
///         for node in tree.root.descendants where node.type == .text { node.literal = node.literal?.uppercased() }
///         return []
///     }
/// }
/// ```
protocol ChapterPass: Sendable {
    associatedtype Input = Void
    associatedtype Output: PassOutput

    /// True when the pass matches syntax in text nodes, which cmark splits at `[`, `!`, `<` and the like:
    /// the tree's adjacent text nodes are merged before it runs.
    static var needsMergedText: Bool { get }

    func run(on tree: ChapterTree, given input: Input) -> Output
}

/// What a pass returns: what it found, with the problems it found, already placed in the file.
protocol PassOutput {
    /// Nothing found: the output of a pass that did not run because the chapter has none of its syntax.
    init()
    var diagnostics: [Diagnostic] { get }
}

/// The output of a pass that reports problems and finds nothing else.
extension Array: PassOutput where Element == Diagnostic {
    var diagnostics: [Diagnostic] { self }
}

/// Runs passes over one chapter's tree, in the order it is asked to, and gathers their problems.
struct PassRunner {
    let tree: ChapterTree
    private(set) var diagnostics: [Diagnostic] = []

    init(_ tree: ChapterTree) {
        self.tree = tree
    }

    /// Runs `pass` on `input` when `enabled` (its syntax hint); otherwise returns its empty output.
    @discardableResult
    mutating func run<Pass: ChapterPass>(_ pass: Pass, when enabled: Bool = true, _ input: Pass.Input) -> Pass.Output {
        guard enabled else { return Pass.Output() }
        if Pass.needsMergedText { tree.mergeTextNodes() }
        let output = pass.run(on: tree, given: input)
        diagnostics += output.diagnostics
        return output
    }

    @discardableResult
    mutating func run<Pass: ChapterPass>(_ pass: Pass, when enabled: Bool = true) -> Pass.Output
    where Pass.Input == Void {
        run(pass, when: enabled, ())
    }
}
