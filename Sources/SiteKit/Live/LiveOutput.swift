import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Replaces single files of a live output folder, each by renaming a finished temporary file over it.
enum LiveOutput {
    static func write(_ data: Data, to path: String, in output: URL) throws {
        let url = output.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteWriter.WriteError.io("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        let complete = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        close(descriptor)
        guard complete, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw SiteWriter.WriteError.io("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }
}
