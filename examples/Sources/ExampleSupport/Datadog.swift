import Foundation

/// Where the guide's snippets send their data, read from the same environment variables Datadog's own clients use.
///
/// - `DD_API_KEY` and `DD_APP_KEY`: the keys; the mock intake's tutorial keys by default.
/// - `DD_SITE`: a Datadog site such as `datadoghq.eu` (the API is then `https://api.datadoghq.eu`),
///   or a full URL such as `http://127.0.0.1:8080`; the local mock intake by default.
/// - `DD_DOGSTATSD_URL` or `DD_AGENT_HOST` + `DD_DOGSTATSD_PORT`: where DogStatsD listens; `127.0.0.1:8125` by default.
///
/// ```swift
/// var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/validate"))
/// request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
/// ```
public enum Datadog {
    /// The mock intake's tutorial API key, used when `DD_API_KEY` is not set.
    public static let tutorialAPIKey = "stepwise0tutorial0api0key0000000"
    /// The mock intake's tutorial application key, used when `DD_APP_KEY` is not set.
    public static let tutorialAppKey = "stepwise0tutorial0application0key0000000"

    public static var apiKey: String { environment("DD_API_KEY") ?? tutorialAPIKey }
    public static var appKey: String { environment("DD_APP_KEY") ?? tutorialAppKey }

    /// The API's base URL, from `DD_SITE`.
    public static var apiURL: URL {
        guard let site = environment("DD_SITE") else { return URL(string: "http://127.0.0.1:8080")! }
        if site.hasPrefix("http://") || site.hasPrefix("https://") { return URL(string: site)! }
        return URL(string: "https://api.\(site)")!
    }

    /// DogStatsD's host and UDP port.
    public static var statsdAddress: (host: String, port: Int) {
        if let url = environment("DD_DOGSTATSD_URL").flatMap(URL.init(string:)), let host = url.host {
            return (host, url.port ?? 8125)
        }
        return (environment("DD_AGENT_HOST") ?? "127.0.0.1", environment("DD_DOGSTATSD_PORT").flatMap(Int.init) ?? 8125)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
