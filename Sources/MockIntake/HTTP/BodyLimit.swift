/// The largest body a route takes, as sent and after decompression; above either, Datadog answers 413.
struct BodyLimit: Sendable {
    var sent: Int
    var decompressed: Int

    /// `POST /api/v2/series`: "The maximum payload size is 500 kilobytes (512000 bytes). Compressed payloads must have
    /// a decompressed size of less than 5 megabytes (5242880 bytes)."
    /// https://docs.datadoghq.com/api/latest/metrics/#submit-metrics (v2 tab)
    static let v2Series = BodyLimit(sent: 512_000, decompressed: 5_242_880)

    /// `POST /api/v1/series`: "The maximum payload size is 3.2 megabytes (3200000 bytes). Compressed payloads must
    /// have a decompressed size of less than 62 megabytes (62914560 bytes)."
    /// https://docs.datadoghq.com/api/latest/metrics/#submit-metrics (v1 tab)
    static let v1Series = BodyLimit(sent: 3_200_000, decompressed: 62_914_560)

    /// Events, distribution points, check runs, monitors and dashboards: Datadog's API reference states no payload
    /// limit for them (only an event's text, 4,000 characters), so the mock keeps one generous 5 MiB cap.
    static let standard = BodyLimit(sent: 5 << 20, decompressed: 5 << 20)
}
