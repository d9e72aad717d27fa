import Foundation

/// Writes a build into a staging folder beside the output, and swaps it in only when the build succeeded.
///
/// A failed build leaves the previous output exactly as it was. The new output carries a marker file, and
/// a folder without one is never replaced, so a mistaken `--output ~` cannot delete anything.
///
/// The output the swap retires is kept as a spare (`.site.stepwise-spare`) and becomes the next staging
/// folder: rewriting existing files is much cheaper than deleting a thousand files and creating them again.
struct SiteWriter: Sendable {
    let output: URL
    let staging: URL
    let spare: URL

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
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).stepwise-staging")
        spare = parent.appendingPathComponent(".\(self.output.lastPathComponent).stepwise-spare")
        do {
            try? manager.removeItem(at: staging)
            if manager.fileExists(atPath: spare.appendingPathComponent(Self.markerName).path),
                rename(spare.path, staging.path) == 0
            {
                return
            }
            try? manager.removeItem(at: spare)
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
        // A plain path: building a URL per page costs more than writing a small file.
        let file = staging.path + "/" + path
        // Most folders exist already; create them only when the first write into one fails.
        if !POSIXFile.write(data, to: file) {
            do {
                try FileManager.default.createDirectory(
                    at: staging.appendingPathComponent(path).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
            } catch {
                throw WriteError.io("cannot create the folder for '\(path)': \(error.localizedDescription)")
            }
            guard POSIXFile.write(data, to: file) else {
                throw WriteError.io("cannot write '\(path)': \(POSIXFile.lastError)")
            }
        }
    }

    /// Copies the file at `source` to the output-relative `path`.
    func copy(_ source: URL, to path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: source, options: .mappedIfSafe)
        } catch {
            throw WriteError.io("cannot read '\(source.path)': \(error.localizedDescription)")
        }
        try write(data, to: path)
    }

    /// Removes what an earlier build left in the reused staging folder, then puts the staged build in
    /// place of the output. The retired output becomes the spare.
    ///
    /// - Parameter written: every output-relative path this build wrote.
    func commit(written: Set<String>) throws {
        prune(keeping: written.union([Self.markerName]))
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                throw WriteError.io("cannot move the build to '\(output.path)'")
            }
            return
        }
        try? manager.removeItem(at: spare)
        guard rename(output.path, spare.path) == 0 else { throw WriteError.io("cannot replace '\(output.path)'") }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(spare.path, output.path)
            throw WriteError.io("cannot move the build to '\(output.path)'")
        }
    }

    /// Keeps the staging folder as the spare for the next build, leaving the output as it was.
    func discard() {
        let manager = FileManager.default
        try? manager.removeItem(at: spare)
        if rename(staging.path, spare.path) != 0 {
            try? manager.removeItem(at: staging)
        }
    }

    /// Deletes files of the staging folder that this build did not write, and folders left empty.
    private func prune(keeping written: Set<String>) {
        var folders: [String] = []
        FileWalker(includingHidden: true).walk(staging.path) { entry in
            guard !written.contains(entry.path) else { return }
            if entry.kind == .folder {
                folders.append(entry.fullPath)
            } else {
                unlink(entry.fullPath)
            }
        }
        for folder in folders.reversed() {
            _ = rmdir(folder)
        }
    }
}
