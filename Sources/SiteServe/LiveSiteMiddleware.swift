import Foundation
import Hummingbird
import NIOCore

/// Serves the files of the output folder, adding the live-reload script to HTML pages.
///
/// Anything the resolver refuses (traversal, hidden files, symlinks leading out) gets the site's 404 page,
/// so a probe learns nothing about what lies outside the folder.
struct LiveSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let resolver: SiteFileResolver

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard !path.hasPrefix("/_stepwise/"), request.method == .get || request.method == .head else {
            return try await next(request, context)
        }
        guard let file = resolver.file(for: path), let data = FileManager.default.contents(atPath: file.path) else {
            return notFound()
        }
        let type = SiteFileResolver.contentType(of: file)
        return Self.response(
            .ok, type: type,
            body: type.hasPrefix("text/html")
                ? Data(LiveScript.inject(into: String(decoding: data, as: UTF8.self)).utf8) : data)
    }

    private func notFound() -> Response {
        let page = resolver.root.folder.appendingPathComponent("404.html")
        let html =
            (try? String(contentsOf: page, encoding: .utf8))
            ?? "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>"
        return Self.response(
            .notFound, type: "text/html; charset=utf-8", body: Data(LiveScript.inject(into: html).utf8))
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: Data) -> Response {
        Response(
            status: status,
            headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
