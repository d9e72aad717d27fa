// The Swift Programming Language
// https://docs.swift.org/swift-book

import Foundation
import Hummingbird

@main
struct Votes {
    static func main() async throws {
        let router = Router()
        router.get("/") { _, _ in
            "Votes is running.\n"
        }
        // PORT picks another port; 0 lets the system choose a free one.
        let port = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8000
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port))
        )
        try await app.runService()
    }
}
