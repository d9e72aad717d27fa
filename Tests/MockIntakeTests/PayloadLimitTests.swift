import Foundation
import Testing

@testable import MockIntake

/// Datadog's per-route payload limits, as sent and after decompression, each a 413 in `{"errors": [...]}`.
@Suite("Payload limits")
struct PayloadLimitTests {
    /// A valid series body padded with trailing spaces to `size` bytes.
    static func padded(_ json: String, to size: Int) -> [UInt8] {
        Array(json.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: size - json.utf8.count)
    }

    static let v2Body = #"{"series":[{"metric":"a","points":[{"timestamp":1700000000,"value":1}]}]}"#
    static let v1Body = #"{"series":[{"metric":"a","points":[[1700000000,1]]}]}"#

    @Test func v2SeriesTakes500KBAsSent() async throws {
        try await withIntake { _, client, _ in
            let atLimit = Self.padded(Self.v2Body, to: 512_000)
            #expect(try await client.send(.post, "/api/v2/series", body: atLimit, keys: .api).status == 202)
            let overLimit = Self.padded(Self.v2Body, to: 512_001)
            let over = try await client.send(.post, "/api/v2/series", body: overLimit, keys: .api)
            #expect(over.status == 413)
            #expect(over.errors == ["The request body is larger than 512000 bytes as sent."])
        }
    }

    @Test func v2SeriesTakes5MBDecompressed() async throws {
        try await withIntake { _, client, _ in
            let fits = try Compression.zlib(Self.padded(Self.v2Body, to: 5_242_880))
            let accepted = try await client.send(
                .post, "/api/v2/series", body: fits, keys: .api, headers: [.contentEncoding: "deflate"])
            #expect(accepted.status == 202)
            let tooBig = try Compression.gzip(Self.padded(Self.v2Body, to: 5_242_881))
            let refused = try await client.send(
                .post, "/api/v2/series", body: tooBig, keys: .api, headers: [.contentEncoding: "gzip"])
            #expect(refused.status == 413)
            #expect(refused.errors == ["The request body is larger than 5242880 bytes after decompression."])
        }
    }

    @Test func v1SeriesTakes3Point2MBAsSentAnd62MBDecompressed() async throws {
        try await withIntake { server, client, _ in
            let overLimit = Self.padded(Self.v1Body, to: 3_200_001)
            let sent = try await client.send(.post, "/api/v1/series", body: overLimit, keys: .api)
            #expect(sent.status == 413)
            #expect(sent.errors == ["The request body is larger than 3200000 bytes as sent."])
            // 10 MB inflated: over v2's limit, within v1's.
            let large = try Compression.zstd(Self.padded(Self.v1Body, to: 10_000_000))
            let accepted = try await client.send(
                .post, "/api/v1/series", body: large, keys: .api, headers: [.contentEncoding: "zstd1"])
            #expect(accepted.status == 202)
            #expect(server.snapshot().points(named: "a").count == 1)
            let bomb = try Compression.zlib([UInt8](repeating: UInt8(ascii: " "), count: 63_000_000))
            let refused = try await client.send(
                .post, "/api/v1/series", body: bomb, keys: .api, headers: [.contentEncoding: "deflate"])
            #expect(refused.status == 413)
            #expect(refused.errors == ["The request body is larger than 62914560 bytes after decompression."])
        }
    }

    @Test(arguments: ["/api/v1/events", "/api/v1/distribution_points", "/api/v1/check_run"])
    func otherRoutesTake5MiB(path: String) async throws {
        try await withIntake { _, client, _ in
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 5 * 1024 * 1024 + 1)
            let reply = try await client.send(.post, path, body: body, keys: .api)
            #expect(reply.status == 413)
            #expect(reply.errors == ["The request body is larger than 5242880 bytes as sent."])
        }
    }
}
