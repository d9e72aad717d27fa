import Foundation
import Testing

@testable import VotingApp

/// The app's routes over real HTTP, on a real server bound to a free port.
@Suite struct VotingAppTests {
    @Test func homeListsTheQuestionsWithLinks() async throws {
        try await RunningApp.with { app in
            let home = try await HTTP.get(app.baseURL)
            #expect(home.status == 200)
            #expect(home.body.contains("<a href=\"/questions/1\">Which Swift web framework do you use?</a>"))
            #expect(home.body.contains("<a href=\"/questions/2\">Tabs or spaces?</a>"))
        }
    }

    @Test func aVoteIsCountedAndRedirectsToTheResults() async throws {
        try await RunningApp.with { app in
            let form = try await HTTP.get(app.baseURL.appending(path: "questions/2"))
            #expect(form.body.contains("<form method=\"post\" action=\"/questions/2/vote\">"))
            #expect(form.body.contains("value=\"1\" required> Spaces"))

            let vote = try await HTTP.postForm(app.baseURL.appending(path: "questions/2/vote"), [("choice", "1")])
            #expect(vote.status == 303)
            #expect(vote.location == "/questions/2/results")
            #expect(await app.store.question(2)?.votes == [0, 1])

            let results = try await HTTP.get(app.baseURL.appending(path: "questions/2/results"))
            #expect(results.body.contains("<tr><td>Spaces</td><td>1</td>"))
            #expect(results.body.contains("<p>1 vote</p>"))
        }
    }

    @Test func theAdminPageCreatesQuestionsAndEscapesThem() async throws {
        try await RunningApp.with(store: VoteStore()) { app in
            let created = try await HTTP.postForm(
                app.baseURL.appending(path: "admin/questions"),
                [("text", "Is <script>alert(1)</script> & \"this\" safe?"), ("choices", "Yes\nNo\n")])
            #expect(created.status == 303)
            #expect(created.location == "/admin")
            let admin = try await HTTP.get(app.baseURL.appending(path: "admin"))
            #expect(
                admin.body.contains("<h2>Is &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;this&quot; safe?</h2>"))
            #expect(!admin.body.contains("<script>"))
            #expect(await app.store.question(1)?.choices == ["Yes", "No"])
        }
    }

    @Test func mistakesAnswerWithTheirStatusAndASentence() async throws {
        try await RunningApp.with { app in
            let missing = try await HTTP.get(app.baseURL.appending(path: "questions/99"))
            #expect(missing.status == 404)
            #expect(missing.body.contains("There is no question 99."))
            let badChoice = try await HTTP.postForm(app.baseURL.appending(path: "questions/1/vote"), [("choice", "7")])
            #expect(badChoice.status == 400)
            #expect(badChoice.body.contains("There is no choice 7 for this question."))
            let noChoices = try await HTTP.postForm(
                app.baseURL.appending(path: "admin/questions"), [("text", "Why?"), ("choices", "One")])
            #expect(noChoices.status == 400)
            let incomplete = try await HTTP.postForm(app.baseURL.appending(path: "questions/1/vote"), [])
            #expect(incomplete.status == 400)
        }
    }
}
