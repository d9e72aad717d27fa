import Foundation

/// Every snippet under an examples package's `Snippets/` folder, by name.
///
/// ```swift
/// let (index, diagnostics) = SnippetIndex.load(from: URL(filePath: "examples/Snippets"))
/// if let embed = index.resolve(directive, diagnostics: &diagnostics) {
///     page += embed.codeBlock(captionHTML: nil, fileURL: nil).html
/// }
/// let warnings = index.unembeddedSnippetWarnings(embedded: namesOfEmbeddedSnippets)
/// ```
public struct SnippetIndex: Sendable {
    /// The snippets by name (`"Name"` or `"Sub/Name"`).
    public private(set) var snippetsByName: [String: Snippet]
    /// The path each snippet's diagnostics name, by snippet name.
    private var diagnosticPaths: [String: String]

    /// Creates an index of already parsed snippets.
    public init(snippets: [Snippet]) {
        snippetsByName = Dictionary(snippets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        diagnosticPaths = Dictionary(
            snippets.map { ($0.name, Self.displayPath(of: $0.sourceFile)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Scans `directory` and its subfolders for `.swift` files and parses each one.
    ///
    /// A file `Sub/Name.swift` becomes the snippet `"Sub/Name"`. Files and folders starting with `.` are skipped.
    /// - Returns: The index, and every problem found in any file, in path order.
    public static func load(from directory: URL) -> (index: SnippetIndex, diagnostics: [Diagnostic]) {
        let directoryPath = displayPath(of: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            return (SnippetIndex(snippets: []), [.error("snippets folder '\(directoryPath)' does not exist",
                                                        at: directoryPath, line: 1, column: 1)])
        }
        var snippets: [Snippet] = []
        var diagnostics: [Diagnostic] = []
        for relativePath in swiftFiles(in: directory) {
            let file = directory.appending(path: relativePath)
            let path = displayPath(of: file)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                diagnostics.append(.error("cannot read snippet file", at: path))
                continue
            }
            guard let source = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error("snippet file is not valid UTF-8", at: path))
                continue
            }
            let name = String(relativePath.dropLast(".swift".count))
            let parsed = SnippetParser.parse(source, name: name, sourceFile: file, diagnosticPath: path)
            snippets.append(parsed.snippet)
            diagnostics += parsed.diagnostics
        }
        return (SnippetIndex(snippets: snippets), diagnostics)
    }

    /// The snippet a directive's `path` names, or `nil`.
    ///
    /// Accepts `"Name"`, `"Sub/Name"` and DocC's older `"<PackageName>/Snippets/Name"` form.
    public func snippet(at path: String) -> Snippet? {
        snippetsByName[path] ?? Self.nameWithoutPackagePrefix(path).flatMap { snippetsByName[$0] }
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
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.standardizedFileURL.path
            guard path.hasPrefix(root + "/") else { continue }
            paths.append(String(path.dropFirst(root.count + 1)))
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
