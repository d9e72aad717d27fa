import Foundation

/// Whole-file reads and writes with plain POSIX calls.
///
/// Foundation's `Data.write` syncs every file to disk and `contents(atPath:)` costs a dozen system calls a file;
/// over a thousand chapters both add up. Durability of a build comes from the final rename instead.
enum POSIXFile {
    /// Writes `data` to `path`, creating or replacing it; false when the file cannot be written.
    ///
    /// An existing file is overwritten in place and then cut to length, not truncated on open: ext4 treats
    /// truncating a file to zero as "replace via truncate" and flushes it to disk on close, which would make
    /// every page a rebuild rewrites cost a synchronous write-back.
    static func write(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Platform.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        return written && ftruncate(descriptor, off_t(data.count)) == 0
    }

    /// The whole file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data()
        // Uninitialized: zeroing a fresh 64 KB buffer for every 4 KB chapter cost more than reading it.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while true {
                let count = Platform.read(descriptor, chunk.baseAddress, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if count == 0 { return data }
                data.append(chunk.baseAddress!, count: count)
            }
        }
    }

    /// The text of the last failed call's `errno`.
    static var lastError: String { String(cString: strerror(errno)) }
}
