import Foundation

/// Replaces single files of a live output folder, each by renaming a finished temporary file over it.
enum LiveOutput {
    static func write(_ data: Data, to path: String, in output: URL) throws {
        let url = output.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let complete = POSIXFile.write(data, to: temporary.path)
        guard complete, rename(temporary.path, url.path) == 0 else {
            let reason = POSIXFile.lastError
            unlink(temporary.path)
            throw SiteWriter.WriteError.io("cannot write '\(path)': \(reason)")
        }
    }
}
