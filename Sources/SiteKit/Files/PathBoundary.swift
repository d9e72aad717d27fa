import Foundation

/// A folder that paths may not leave: the one place that decides whether a path lies inside it.
///
/// A path is inside when, with `.` and `..` folded and its symlinks resolved, it is the folder or lies below it.
/// A path an author writes may not be absolute (`/etc/hosts`, `~/notes`). Content paths, includes, the files a
/// live rebuild is told about and the requests `site serve` answers all ask here.
///
/// ```swift
/// let boundary = PathBoundary(URL(fileURLWithPath: "content"))
/// boundary.normalize("../secret.md", from: "guide")   // .success("secret.md")
/// boundary.relativePath(ofResolved: "/etc/hosts")      // nil
/// ```
public struct PathBoundary: Sendable {
    /// The folder, standardized and with its symlinks resolved.
    public let folder: URL
    /// The folder's path with a trailing `/`, so that `content2/` is not taken for a file of `content/`.
    private let prefix: String

    public init(_ folder: URL) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        prefix = self.folder.path.hasSuffix("/") ? self.folder.path : self.folder.path + "/"
    }

    /// Why a path was refused.
    public enum Problem: Error, Equatable, Sendable {
        /// The author wrote an absolute path.
        case absolute
        /// Its `..` climb above the folder.
        case escapes
        /// A symlink on the way leads out of the folder.
        case symlinkOut
    }

    /// True for a path an author wrote from the file system's root or their home folder.
    static func isAbsolute(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~")
    }

    /// Folds `path`, written relative to `base` (a folder relative to this one), into a path relative to the folder,
    /// without looking at the disk: symlinks are left to ``relativePath(ofResolved:)``.
    func normalize(_ path: String, from base: String = "") -> Result<String, Problem> {
        if Self.isAbsolute(path) { return .failure(.absolute) }
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

    /// Where `path`, an absolute path whose symlinks are resolved already, lies relative to the folder: `""` for the
    /// folder itself, nil when it is outside.
    public func relativePath(ofResolved path: String) -> String? {
        if path == folder.path { return "" }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// True when `url`, once standardized and with its symlinks resolved, is the folder or lies below it.
    public func contains(_ url: URL) -> Bool {
        relativePath(ofResolved: Self.resolvedPath(url.standardizedFileURL)) != nil
    }

    /// The path with its symlinks resolved, up to the last folder that exists: Foundation leaves a path that does
    /// not exist as it is, symlinked folders and all.
    private static func resolvedPath(_ url: URL) -> String {
        let real = url.resolvingSymlinksInPath()
        guard !FileManager.default.fileExists(atPath: real.path), url.pathComponents.count > 1 else { return real.path }
        let parent = resolvedPath(url.deletingLastPathComponent())
        return (parent.hasSuffix("/") ? parent : parent + "/") + url.lastPathComponent
    }

    /// The file that `path`, written relative to the absolute `directory`, names (standardized, its symlinks kept),
    /// or why it is refused: it is absolute, or it leads outside the folder, by `..` or through a symlink.
    func resolve(_ path: String, in directory: URL) -> Result<URL, Problem> {
        if Self.isAbsolute(path) { return .failure(.absolute) }
        let url = directory.appendingPathComponent(path).standardizedFileURL
        return contains(url) ? .success(url) : .failure(.escapes)
    }
}
