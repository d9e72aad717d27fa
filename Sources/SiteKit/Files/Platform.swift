#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system interfaces whose names differ between Linux and macOS, so that the rest of the package is
/// written once (as swift-nio keeps its `System.swift`). The Darwin branches are not built by CI, which runs on Linux.
public enum Platform {
    #if canImport(Glibc)
    /// `read(2)` and `write(2)`: the same calls under each system's module name.
    static let read = Glibc.read
    static let write = Glibc.write
    #else
    static let read = Darwin.read
    static let write = Darwin.write
    #endif

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
