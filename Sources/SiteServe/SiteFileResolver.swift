import Foundation
import SiteKit

/// Maps a request path to a file inside the output folder, and to nothing else.
///
/// The path is split on `/` before it is percent-decoded, so `%2f` cannot join segments, and any segment
/// that decodes to `..`, `.`, a hidden name or something holding `/` or NUL is refused. The file found is then
/// resolved through its symlinks and must still lie inside the (resolved) output folder.
struct SiteFileResolver: Sendable {
    let root: PathBoundary

    init(root: URL) {
        self.root = PathBoundary(root)
    }

    /// The file to serve for `rawPath` (the request target's path, still percent-encoded), or nil for a 404.
    func file(for rawPath: String) -> URL? {
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding, !segment.isEmpty, !segment.hasPrefix("."),
                !segment.contains("/"), !segment.contains("\0"), !segment.contains("\\")
            else { return nil }
            segments.append(segment)
        }
        var candidate = segments.reduce(root.folder) { $0.appendingPathComponent($1) }
        if rawPath.hasSuffix("/") || segments.isEmpty {
            candidate.appendPathComponent("index.html")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            candidate.appendPathComponent("index.html")
        }
        let real = candidate.resolvingSymlinksInPath().path
        guard root.relativePath(ofResolved: real)?.isEmpty == false,
            FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return URL(fileURLWithPath: real)
    }

    /// The content type for a served file, by extension.
    static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
