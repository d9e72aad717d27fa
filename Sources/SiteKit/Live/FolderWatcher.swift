import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Notices changed, added and removed files under some folders (or single files) by comparing their modification times and sizes.
///
/// A polling watcher rather than inotify: one `stat` per file costs well under a millisecond per hundred files
/// (about 2 ms a scan for the 1,000-chapter book), and polling needs no per-folder watch bookkeeping when
/// folders appear, copes with editors that save by renaming a new file over the old one, and sees through
/// symlinks. The price is latency: up to one interval (100 ms by default) between a save and the rebuild.
public struct FolderWatcher: Sendable {
    public let folders: [URL]
    private var snapshot: [String: Stamp]

    struct Stamp: Equatable {
        var modified: timespec
        var size: Int
        var inode: UInt

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size
                && a.inode == b.inode
        }
    }

    /// Starts watching; files present now are the baseline.
    public init(folders: [URL]) {
        self.folders = folders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        snapshot = [:]
        snapshot = scanAll()
    }

    /// Absolute paths of the files changed, added or removed since the last call.
    public mutating func changes() -> Set<String> {
        let now = scanAll()
        var changed: Set<String> = []
        for (path, stamp) in now where snapshot[path] != stamp { changed.insert(path) }
        for path in snapshot.keys where now[path] == nil { changed.insert(path) }
        snapshot = now
        return changed
    }

    private func scanAll() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            var info = stat()
            if stat(folder.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                stamps[folder.path] = Stamp(modified: info.st_mtim, size: Int(info.st_size), inode: UInt(info.st_ino))
            } else {
                Self.scan(folder.path, into: &stamps, depth: 0)
            }
        }
        return stamps
    }

    /// Walks a folder, skipping hidden entries (editor swap files, the output's staging folders).
    private static func scan(_ folder: String, into stamps: inout [String: Stamp], depth: Int) {
        guard depth < 32, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                scan(path, into: &stamps, depth: depth + 1)
            } else {
                stamps[path] = Stamp(modified: info.st_mtim, size: Int(info.st_size), inode: UInt(info.st_ino))
            }
        }
    }
}
