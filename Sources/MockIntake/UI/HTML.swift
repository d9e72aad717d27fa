import Hummingbird

/// HTML escaping and the page frame shared by every UI page.
enum HTML {
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    static func page(title: String, body: String) -> Response {
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:0;color:#222}
            nav{background:#632ca6;padding:.6em 1em}nav a{color:#fff;margin-right:1.2em;text-decoration:none}
            main{padding:1em 2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left}
            .state-Alert{color:#c00;font-weight:bold}.state-Warn{color:#c80;font-weight:bold}.state-OK{color:#090}
            .email{border:1px solid #ccc;border-radius:6px;margin:1em 0;max-width:50em}
            .email header{background:#f4f4f4;padding:.5em 1em}.email pre{padding:1em;white-space:pre-wrap;font-family:inherit}
            .chart-with-legend{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:flex-start}
            .chart{flex:none}.chart text{font-size:11px;fill:#555}
            .legend{font-size:.8em}.legend td,.legend th{padding:.2em .5em}.legend td{text-align:right;font-variant-numeric:tabular-nums}
            .legend tbody th{font-weight:normal}.legend thead th{color:#555;font-weight:normal;text-align:right}.legend thead th:first-child{text-align:left}
            .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.5em;vertical-align:-.1em}
            .widget{border:1px solid #ddd;border-radius:6px;padding:0 1em .6em;margin:0 0 1em}.widget h2{font-size:1.05em;margin:.6em 0 .3em}
            .tag{background:#eee;border-radius:3px;padding:0 .3em;margin-right:.3em;font-size:.9em}
            </style></head><body>
            <nav><a href="/">Home</a><a href="/ui/events">Events</a><a href="/ui/metrics">Metrics</a>\
            <a href="/ui/monitors">Monitors</a><a href="/ui/inbox">Inbox</a><a href="/ui/dashboards">Dashboards</a></nav>
            <main><h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
