/// `POST /api/v2/series`: points are `{"timestamp", "value"}` objects and `type` is 0–3.
public struct V2SeriesBody: Decodable {
    public struct Point: Decodable {
        public var timestamp: Double
        public var value: Double
    }

    public struct Resource: Decodable {
        public var name: String
        public var type: String
    }

    public struct Series: Decodable {
        public var metric: String
        public var points: [Point]
        public var type: Int?
        public var interval: Double?
        public var resources: [Resource]?
        public var tags: [String]?
    }

    public var series: [Series]
}
