import Foundation
import MockIntake
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The library API the examples' tests rely on: start on port 0, answer HTTP, shut down.
@Suite struct LiveServerSmokeTests {
    @Test func startsOnEphemeralPortsAndValidatesTheTutorialKey() async throws {
        let intake = try await MockIntakeServer.start()
        #expect(intake.httpPort > 0)
        #expect(intake.statsdPort > 0)
        var request = URLRequest(url: URL(string: "\(intake.baseURL)/api/v1/validate")!)
        request.setValue(IntakeConfiguration.tutorialAPIKey, forHTTPHeaderField: "DD-API-KEY")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"valid":true}"#)
        try await intake.shutdown()
    }
}
