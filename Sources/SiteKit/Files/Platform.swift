#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system interfaces whose names differ between Linux and macOS, so that the rest of the package is
/// written once (as swift-nio keeps its `System.swift`). The Darwin branches are not built by CI, which runs on Linux.
public enum Platform {
    /// `read(2)`: Glibc's and Darwin's are the same call under different module names.
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// `write(2)`.
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// A file's modification time: `st_mtim` on Linux, `st_mtimespec` on Darwin.
    static func modificationTime(_ info: stat) -> timespec {
        #if canImport(Glibc)
        info.st_mtim
        #else
        info.st_mtimespec
        #endif
    }

    /// The command that opens a URL in the desktop's browser.
    public static var openCommand: String {
        #if os(macOS)
        "open"
        #else
        "xdg-open"
        #endif
    }
}
