import Foundation

/// The one listing of a folder's entries, shared by the content folder, the snippet index, the output's pruning
/// and the watcher of `site serve`, so that they all see the same files.
///
/// Plain `readdir`: Foundation's enumerators cost a few system calls and objects per entry, which adds up over a
/// book's thousand chapters and pages.
///
/// ```swift
/// FileWalker(followSymlinks: true).walk(contentPath) { entry in
///     if entry.kind == .file { print(entry.path) }   // "guide/events.md"
/// }
/// ```
struct FileWalker {
    /// Lists hidden entries (names starting with `.`: editor swap files, the output's staging folders) too.
    var includingHidden = false
    /// Enters symlinked folders and reports symlinked files as the files they lead to; a folder already being
    /// walked (a symlink to one of its own parents) is not entered again. Dangling symlinks are left out.
    var followSymlinks = false

    enum Kind {
        case folder
        /// A regular file.
        case file
        /// A symlink, when they are not followed.
        case symlink
        /// Anything else: a socket, a FIFO, a device.
        case other
    }

    struct Entry {
        /// The path relative to the folder walked.
        var path: String
        var fullPath: String
        var kind: Kind
        /// True when the entry itself is a symlink (followed or not).
        var isSymlink: Bool
    }

    /// Calls `visit` with every entry below `folder`, parents before their contents.
    func walk(_ folder: String, visit: (Entry) -> Void) {
        var parents: [(device: UInt64, inode: UInt64)] = []
        if followSymlinks, let identity = Self.identity(of: folder) { parents.append(identity) }
        walk(folder, relative: "", parents: &parents, visit: visit)
    }

    private func walk(
        _ folder: String, relative: String, parents: inout [(device: UInt64, inode: UInt64)], visit: (Entry) -> Void
    ) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", includingHidden || !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var kind = Self.kind(ofType: Int32(entry.pointee.d_type))
            if kind == nil {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                kind = Self.kind(ofMode: info.st_mode)
            }
            let isSymlink = kind == .symlink
            if isSymlink, followSymlinks {
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                kind = Self.kind(ofMode: info.st_mode)
            }
            guard let kind else { continue }
            visit(Entry(path: path, fullPath: full, kind: kind, isSymlink: isSymlink))
            guard kind == .folder else { continue }
            if followSymlinks {
                guard let identity = Self.identity(of: full),
                    !parents.contains(where: { $0 == identity })
                else { continue }
                parents.append(identity)
                walk(full, relative: path, parents: &parents, visit: visit)
                parents.removeLast()
            } else {
                walk(full, relative: path, parents: &parents, visit: visit)
            }
        }
    }

    /// The kind a `readdir` entry's type gives, or nil when the file system leaves it unknown.
    private static func kind(ofType type: Int32) -> Kind? {
        switch type {
        case Int32(DT_DIR): .folder
        case Int32(DT_REG): .file
        case Int32(DT_LNK): .symlink
        case Int32(DT_UNKNOWN): nil
        default: .other
        }
    }

    private static func kind(ofMode mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .file
        case S_IFLNK: .symlink
        default: .other
        }
    }

    /// The device and inode of the folder at `path`, which tell a folder from its aliases.
    private static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino))
    }
}
