import Foundation

/// The folder a book is read from, what it holds, and the rules for paths inside it.
///
/// Every path the author writes (in SUMMARY.md, in links, in image sources) is resolved here,
/// and none may lead outside the folder: not with `..`, not as an absolute path, not through a symlink.
/// The folder is listed once when the book is loaded, so checking a path costs no system call
/// unless a symlink is involved.
struct ContentRoot: Sendable {
    /// The content folder, which the paths an author writes may not leave.
    let boundary: PathBoundary
    /// Prefix used in diagnostics for files of this book (for example `content/`).
    let displayPrefix: String
    /// Every visible regular file below the folder, relative to it, symlinks and symlinked folders followed.
    let files: Set<String>
    /// Entries that are symlinks (to files or folders), relative to the folder; dangling ones are left out.
    let symlinks: Set<String>
    /// The folder includes may not leave: the one holding `site.yml` or `book.toml`, or its git work tree.
    let projectRoot: PathBoundary
    /// The working directory, symlinks resolved, for naming files outside the content folder.
    private let workingDirectory: String

    init(
        url: URL, projectRoot: URL? = nil,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        boundary = PathBoundary(url)
        self.projectRoot = PathBoundary(projectRoot ?? url)
        let cwd = workingDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        self.workingDirectory = cwd
        let path = boundary.folder.path
        if path == cwd {
            displayPrefix = ""
        } else if path.hasPrefix(cwd + "/") {
            displayPrefix = String(path.dropFirst(cwd.count + 1)) + "/"
        } else {
            displayPrefix = path + "/"
        }
        (files, symlinks) = Self.list(boundary.folder)
    }

    /// The content folder, symlinks resolved.
    var url: URL { boundary.folder }

    /// Lists the folder as the watcher of `site serve` does: hidden entries skipped, symlinks followed.
    /// Whatever a symlink leads to is checked by ``resolve(_:from:)`` before it is used.
    private static func list(_ root: URL) -> (files: Set<String>, symlinks: Set<String>) {
        var files: Set<String> = []
        var symlinks: Set<String> = []
        FileWalker(followSymlinks: true).walk(root.path) { entry in
            if entry.isSymlink { symlinks.insert(entry.path) }
            if entry.kind == .file { files.insert(entry.path) }
        }
        return (files, symlinks)
    }

    /// How diagnostics name a file given by its path relative to the content folder.
    func displayPath(_ relativePath: String) -> String {
        displayPrefix + relativePath
    }

    /// How diagnostics name any file: relative to the working directory when it is below it.
    func displayPath(of file: URL) -> String {
        let path = file.standardizedFileURL.path
        return path.hasPrefix(workingDirectory + "/") ? String(path.dropFirst(workingDirectory.count + 1)) : path
    }

    typealias PathProblem = PathBoundary.Problem

    /// Resolves `path` (relative to the content-relative folder `base`) to a normalized path relative to the root.
    ///
    /// Returns a problem when the path is absolute, climbs above the root, or runs through a symlink that does.
    func resolve(_ path: String, from base: String = "") -> Result<String, PathProblem> {
        normalize(path, from: base).flatMap { relative in
            guard passesThroughSymlink(relative) else { return .success(relative) }
            return boundary.contains(url.appendingPathComponent(relative)) ? .success(relative) : .failure(.symlinkOut)
        }
    }

    /// Like ``resolve(_:from:)`` but without looking at symlinks.
    func normalize(_ path: String, from base: String = "") -> Result<String, PathProblem> {
        boundary.normalize(path, from: base)
    }

    /// True when the path or one of its folders is a symlink.
    func passesThroughSymlink(_ relative: String) -> Bool {
        guard !symlinks.isEmpty else { return false }
        var prefix = ""
        for component in relative.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            if symlinks.contains(prefix) { return true }
        }
        return false
    }

    /// True when a visible regular file exists at the content-relative path.
    func fileExists(_ relativePath: String) -> Bool {
        files.contains(relativePath)
    }

    func fileURL(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }
}

extension ContentRoot.PathProblem {
    /// A sentence explaining why the path was refused.
    func message(for path: String) -> String {
        switch self {
        case .absolute: "path '\(path)' is absolute; write it relative to the chapter"
        case .escapes: "path '\(path)' leads outside the content folder"
        case .symlinkOut: "path '\(path)' is a symlink that leads outside the content folder"
        }
    }
}
