import Foundation

/// The folder a book is read from, and the rules for paths inside it.
///
/// Every path the author writes (in SUMMARY.md, in links, in image sources) is resolved here,
/// and none may lead outside the folder: not with `..`, not as an absolute path, not through a symlink.
struct ContentRoot: Sendable {
    /// The content folder, symlinks resolved.
    let url: URL
    /// Prefix used in diagnostics for files of this book (for example `content/`).
    let displayPrefix: String

    init(url: URL, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.url = url.standardizedFileURL.resolvingSymlinksInPath()
        let cwd = workingDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let path = self.url.path
        if path == cwd {
            displayPrefix = ""
        } else if path.hasPrefix(cwd + "/") {
            displayPrefix = String(path.dropFirst(cwd.count + 1)) + "/"
        } else {
            displayPrefix = path + "/"
        }
    }

    /// How diagnostics name a file given by its path relative to the content folder.
    func displayPath(_ relativePath: String) -> String {
        displayPrefix + relativePath
    }

    enum PathProblem: Error, Equatable {
        case absolute
        case escapes
        case symlinkOut
    }

    /// Resolves `path` (relative to the content-relative folder `base`) to a normalized path relative to the root.
    ///
    /// Returns a problem when the path is absolute, climbs above the root, or runs through a symlink that does.
    func resolve(_ path: String, from base: String = "") -> Result<String, PathProblem> {
        normalize(path, from: base).flatMap { relative in
            let real = url.appendingPathComponent(relative).resolvingSymlinksInPath().path
            if FileManager.default.fileExists(atPath: real), real != url.path, !real.hasPrefix(url.path + "/") {
                return .failure(.symlinkOut)
            }
            return .success(relative)
        }
    }

    /// Like ``resolve(_:from:)`` but without looking at the file system, so symlinks are not followed.
    func normalize(_ path: String, from base: String = "") -> Result<String, PathProblem> {
        if path.hasPrefix("/") || path.hasPrefix("~") { return .failure(.absolute) }
        var components = base.split(separator: "/")
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if components.isEmpty { return .failure(.escapes) }
                components.removeLast()
            default: components.append(component)
            }
        }
        return .success(components.joined(separator: "/"))
    }

    /// True when a regular file exists at the content-relative path.
    func fileExists(_ relativePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent(relativePath).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
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
