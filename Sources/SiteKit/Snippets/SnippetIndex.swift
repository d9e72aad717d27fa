import Foundation

/// Every snippet under an examples package's `Snippets/` folder, by name, and the library sources under its
/// `Sources/` folder, by path, which chapters embed the same way with the same markers.
///
/// ```swift
/// let (index, diagnostics) = SnippetIndex.load(from: URL(filePath: "examples/Snippets"),
///                                              sources: URL(filePath: "examples/Sources"))
/// if let embed = index.resolve(directive, diagnostics: &diagnostics) {
///     page += embed.codeBlock(captionHTML: nil, fileURL: nil).html
/// }
/// let warnings = index.unembeddedSnippetWarnings(embedded: namesOfEmbeddedSnippets)
/// ```
public struct SnippetIndex: Sendable {
    /// The snippets by name (`"Name"` or `"Sub/Name"`).
    public private(set) var snippetsByName: [String: Snippet]
    /// The library sources by their path in the package (`"Sources/DogStatsD/Counter.swift"`).
    public private(set) var sourceFilesByPath: [String: Snippet]
    /// The path each snippet's diagnostics name, by snippet name.
    private var diagnosticPaths: [String: String]

    /// Creates an index of already parsed snippets and library sources.
    public init(snippets: [Snippet], sourceFiles: [Snippet] = []) {
        snippetsByName = Dictionary(snippets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        sourceFilesByPath = Dictionary(sourceFiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        diagnosticPaths = Dictionary(
            snippets.map { ($0.name, Self.displayPath(of: $0.sourceFile)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Scans `directory` and its subfolders for `.swift` files and parses each one, then the same for `sources`.
    ///
    /// A file `Sub/Name.swift` becomes the snippet `"Sub/Name"`. A file `DogStatsD/Counter.swift` under `sources`
    /// becomes the library source `"Sources/DogStatsD/Counter.swift"`; a missing `sources` folder holds none.
    /// Files and folders starting with `.` are skipped.
    /// - Returns: The index, and every problem found in any file, in path order.
    public static func load(from directory: URL, sources: URL? = nil) -> (
        index: SnippetIndex, diagnostics: [Diagnostic]
    ) {
        let directoryPath = displayPath(of: directory)
        guard isDirectory(directory) else {
            return (
                SnippetIndex(snippets: []),
                [
                    .error(
                        "snippets folder '\(directoryPath)' does not exist",
                        at: directoryPath, line: 1, column: 1)
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        let snippets = parseFiles(in: directory, readsCaption: true, diagnostics: &diagnostics) {
            String($0.dropLast(".swift".count))
        }
        var sourceFiles: [Snippet] = []
        if let sources, isDirectory(sources) {
            sourceFiles = parseFiles(in: sources, readsCaption: false, diagnostics: &diagnostics) {
                sources.lastPathComponent + "/" + $0
            }
        }
        return (SnippetIndex(snippets: snippets, sourceFiles: sourceFiles), diagnostics)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Parses every `.swift` file under `directory`, named by `name(relativePath)`.
    private static func parseFiles(
        in directory: URL, readsCaption: Bool, diagnostics: inout [Diagnostic], name: (String) -> String
    ) -> [Snippet] {
        var snippets: [Snippet] = []
        for relativePath in swiftFiles(in: directory) {
            let file = directory.appending(path: relativePath)
            let path = displayPath(of: file)
            let source: String
            switch SourceFile.read(file, displayPath: path) {
            case .success(let read): source = read.text
            case .failure(let problem):
                diagnostics.append(problem)
                continue
            }
            let parsed = SnippetParser.parse(
                source, name: name(relativePath), sourceFile: file, diagnosticPath: path, readsCaption: readsCaption)
            snippets.append(parsed.snippet)
            diagnostics += parsed.diagnostics
        }
        return snippets
    }

    /// The snippet a directive's `path` names, or `nil`.
    ///
    /// Accepts `"Name"`, `"Sub/Name"` and DocC's older `"<PackageName>/Snippets/Name"` form.
    /// A path ending in `.swift` names a library source by its path in the package: `"Sources/App/Routes.swift"`.
    public func snippet(at path: String) -> Snippet? {
        if path.hasSuffix(".swift") { return sourceFilesByPath[path] }
        return snippetsByName[path] ?? Self.nameWithoutPackagePrefix(path).flatMap { snippetsByName[$0] }
    }

    /// A warning for each snippet that is not in `embedded` (names as in ``snippetsByName``).
    ///
    /// The builder collects the names of the snippets each page embedded (``SnippetEmbed/snippet``),
    /// then asks once for the rest.
    public func unembeddedSnippetWarnings(embedded: Set<String>) -> [Diagnostic] {
        snippetsByName.keys.sorted().filter { !embedded.contains($0) }.map { name in
            .warning("snippet '\(name)' is embedded nowhere", at: diagnosticPaths[name] ?? name)
        }
    }

    /// `"Package/Snippets/Sub/Name"` → `"Sub/Name"`; `nil` when `path` is not in that form.
    static func nameWithoutPackagePrefix(_ path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 3, components[1] == "Snippets" else { return nil }
        return components.dropFirst(2).joined(separator: "/")
    }

    /// Paths of `.swift` files under `directory`, relative to it, sorted.
    private static func swiftFiles(in directory: URL) -> [String] {
        var paths: [String] = []
        FileWalker().walk(directory.standardizedFileURL.path) { entry in
            if entry.kind == .file, entry.path.hasSuffix(".swift") { paths.append(entry.path) }
        }
        return paths.sorted()
    }

    /// `file`'s path relative to the working directory when it is inside it, as diagnostics print paths.
    static func displayPath(of file: URL) -> String {
        let path = file.standardizedFileURL.path
        let workingDirectory = URL(filePath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        guard path.hasPrefix(workingDirectory + "/") else { return path }
        return String(path.dropFirst(workingDirectory.count + 1))
    }
}
