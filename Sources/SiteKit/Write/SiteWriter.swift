import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a temporary folder beside the output, and swaps it in only when the build succeeded.
///
/// A failed build leaves the previous output exactly as it was. The new output carries a marker file, and
/// a folder without one is never replaced, so a mistaken `--output ~` cannot delete anything.
struct SiteWriter: Sendable {
    let output: URL
    let staging: URL

    static let markerName = ".stepwise-site"

    enum WriteError: Error, CustomStringConvertible {
        case notOurs(String)
        case io(String)

        var description: String {
            switch self {
            case .notOurs(let path):
                "output folder '\(path)' exists and was not written by Stepwise; remove it or choose another with --output"
            case .io(let message):
                message
            }
        }
    }

    /// Creates the staging folder; refuses an existing output folder that Stepwise did not write.
    init(output: URL) throws {
        self.output = output.standardizedFileURL
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: self.output.path, isDirectory: &isDirectory) {
            let entries = (try? manager.contentsOfDirectory(atPath: self.output.path)) ?? []
            guard isDirectory.boolValue, entries.isEmpty || entries.contains(Self.markerName) else {
                throw WriteError.notOurs(self.output.path)
            }
        }
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).building-\(getpid())")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw WriteError.io("cannot create '\(staging.path)': \(error.localizedDescription)")
        }
    }

    /// Writes `contents` at the output-relative `path`, creating folders as needed.
    func write(_ contents: String, to path: String) throws {
        try write(Data(contents.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        do {
            // Most folders exist already; create them only when the first write into one fails.
            if (try? data.write(to: url)) == nil {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw WriteError.io("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// Copies the file at `source` to the output-relative `path`.
    func copy(_ source: URL, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: url)
        } catch {
            throw WriteError.io("cannot copy '\(path)': \(error.localizedDescription)")
        }
    }

    /// Puts the staged build in place of the output; the old output is removed only after the swap.
    func commit() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else { throw WriteError.io("cannot move the build to '\(output.path)'") }
            return
        }
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try? manager.removeItem(at: retired)
        guard rename(output.path, retired.path) == 0 else { throw WriteError.io("cannot replace '\(output.path)'") }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(retired.path, output.path)
            throw WriteError.io("cannot move the build to '\(output.path)'")
        }
        try? manager.removeItem(at: retired)
    }

    /// Removes the staging folder, leaving the output as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
