import Hummingbird

/// A server-rendered HTML page; text from visitors goes in only through ``escape(_:)``.
public struct HTML: ResponseGenerator, Sendable {
    public var text: String

    // snippet.escape
    /// Escapes the five characters that could end an attribute or start a tag, so a question like
    /// `<script>` is shown, never run.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
    // snippet.end

    /// A whole page around `body`, which must already be escaped.
    public static func page(title: String, body: String) -> HTML {
        HTML(
            text: """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>\(escape(title)) · Votes</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
                .bar{background:#632ca6;height:1rem}td{padding:.2rem .5rem}</style></head>
                <body><h1>\(escape(title))</h1>
                \(body)
                </body>
                </html>
                """)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
