import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Bad input and compression")
struct BadInputTests {
    static let series = #"{"series":[{"metric":"zipped","points":[[1700000000,1]]}]}"#

    @Test func deflateBodiesAreInflated() async throws {
        try await withIntake { server, client, _ in
            let reply = try await client.send(
                .post, "/api/v1/series", body: try Compression.zlib(Array(Self.series.utf8)), keys: .api,
                headers: [.contentEncoding: "deflate"])
            #expect(reply.status == 202)
            #expect(server.snapshot().points(named: "zipped").count == 1)
        }
    }

    @Test func gzipBodiesAreInflated() async throws {
        try await withIntake { server, client, _ in
            let reply = try await client.send(
                .post, "/api/v1/series", body: try Compression.gzip(Array(Self.series.utf8)), keys: .api,
                headers: [.contentEncoding: "gzip"])
            #expect(reply.status == 202)
            #expect(server.snapshot().points(named: "zipped").count == 1)
        }
    }

    @Test func zstdBodiesAreDecompressed() async throws {
        try await withIntake { server, client, _ in
            let json = #"{"series":[{"metric":"zstd.m","points":[{"timestamp":1700000000,"value":4}]}]}"#
            let reply = try await client.send(
                .post, "/api/v2/series", body: try Compression.zstd(Array(json.utf8)), keys: .api,
                headers: [.contentEncoding: "zstd1"])
            #expect(reply.status == 202)
            #expect(server.snapshot().points(named: "zstd.m").map(\.value) == [4])
        }
    }

    @Test func zstdBombIs413() async throws {
        try await withIntake { _, client, _ in
            let bomb = try Compression.zstd([UInt8](repeating: 0x20, count: 20 * 1024 * 1024))
            let reply = try await client.send(
                .post, "/api/v2/series", body: bomb, keys: .api, headers: [.contentEncoding: "zstd1"])
            #expect(reply.status == 413)
        }
    }

    @Test func corruptCompressedBodyIs400() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.send(
                .post, "/api/v1/series", body: Array("not zlib".utf8), keys: .api,
                headers: [.contentEncoding: "deflate"])
            #expect(reply.status == 400)
        }
    }

    @Test func decompressionBombIs413() async throws {
        try await withIntake { server, client, _ in
            let bomb = try Compression.zlib([UInt8](repeating: UInt8(ascii: " "), count: 20 * 1024 * 1024))
            #expect(bomb.count < 100_000)
            let reply = try await client.send(
                .post, "/api/v2/series", body: bomb, keys: .api, headers: [.contentEncoding: "deflate"])
            #expect(reply.status == 413)
            #expect(reply.errors.first?.contains("5242880") == true)
            #expect(server.snapshot().payloads.isEmpty)
        }
    }

    @Test func plainBodyOverFiveMegabytesIs413() async throws {
        try await withIntake { _, client, _ in
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 5 * 1024 * 1024 + 10)
            let reply = try await client.send(.post, "/api/v1/series", body: body, keys: .api)
            #expect(reply.status == 413)
            #expect(reply.json != nil)
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v1/series", json: #"{"series": [{"#, keys: .api)
            #expect(reply.status == 400)
            #expect(reply.errors == ["The request body is not valid JSON."])
        }
    }

    @Test func missingFieldIsNamedWithItsPath() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v2/series", json: #"{"series":[{"points":[]}]}"#, keys: .api)
            #expect(reply.status == 400)
            #expect(reply.errors == ["Missing required field 'series[0].metric'."])
        }
    }

    @Test func unknownPathIs404WithJSON() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.get("/api/v1/nothing-here")
            #expect(reply.status == 404)
            #expect(reply.errors == ["Path '/api/v1/nothing-here' not found."])
        }
    }

    @Test func badInputDoesNotCorruptState() async throws {
        try await withIntake { server, client, _ in
            _ = try await client.post(
                "/api/v1/series", json: #"{"series":[{"metric":"ok","points":[[1,1]]}]}"#, keys: .api)
            _ = try await client.post(
                "/api/v1/series", json: #"{"series":[{"metric":"bad","points":[[1]]}]}"#, keys: .api)
            _ = try await client.post("/api/v1/series", json: "[", keys: .api)
            #expect(server.snapshot().points.map(\.metric) == ["ok"])
        }
    }
}
