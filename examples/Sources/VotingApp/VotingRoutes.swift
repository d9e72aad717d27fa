import Foundation
import Hummingbird

/// The app's routes: the pages people see, the vote, and the admin page.
struct VotingRoutes: Sendable {
    let store: VoteStore
    let metrics: PageMetrics

    private struct VoteForm: Decodable {
        var choice: Int
    }

    private struct QuestionForm: Decodable {
        var text: String
        var choices: String
    }

    // snippet.routes
    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            await metrics.measure(.home) { Pages.home(await store.all()) }
        }
        router.get("/questions/{id}") { _, context in
            try await metrics.measure(.question) { Pages.question(try await question(context)) }
        }
        router.post("/questions/{id}/vote") { request, context in
            let form = try await decode(VoteForm.self, from: request)
            let question = try await store.vote(question: try id(context), choice: form.choice)
            return Response.redirect(to: "/questions/\(question.id)/results", type: .normal)
        }
        router.get("/questions/{id}/results") { _, context in
            try await metrics.measure(.results) { Pages.results(try await question(context)) }
        }
        router.get("/admin") { _, _ in
            await metrics.measure(.admin) { Pages.admin(await store.all()) }
        }
        router.post("/admin/questions") { request, _ in
            let form = try await decode(QuestionForm.self, from: request)
            _ = try await store.add(text: form.text, choices: form.choices.components(separatedBy: .newlines))
            return Response.redirect(to: "/admin", type: .normal)
        }
    }
    // snippet.end

    private func id(_ context: BasicRequestContext) throws -> Int {
        guard let id = context.parameters.get("id", as: Int.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func question(_ context: BasicRequestContext) async throws -> Question {
        let id = try id(context)
        guard let question = await store.question(id) else { throw VotingError.unknownQuestion(id) }
        return question
    }

    /// Decodes an HTML form's `application/x-www-form-urlencoded` body.
    private func decode<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        let body = try await request.body.collect(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "The form is incomplete.")
        }
    }
}
