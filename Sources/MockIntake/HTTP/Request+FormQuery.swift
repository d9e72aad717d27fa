import Hummingbird

extension Request {
    /// The query string's parameters, with `+` read as a space.
    ///
    /// HTML forms (the web UI's metrics explorer) and HTTP clients such as Python's `requests`, which datadogpy
    /// uses, send a space in a query as `+`; Datadog reads it so. A literal plus arrives as `%2B`.
    var formQueryParameters: Parameters {
        guard let query = uri.query, query.contains("+") else { return uri.queryParameters }
        return type(of: uri).init("/?" + query.replacingOccurrences(of: "+", with: "%20")).queryParameters
    }
}
