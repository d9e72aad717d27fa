// Visit the voting app as a browser would: the list of questions, a vote, then the results.
// The program serves the app itself, on a free port, so it needs nothing else running.

// snippet.hide
import ExampleSupport
import Foundation
import VotingApp

try await withVotingApp(store: await VoteStore.withSampleQuestions()) { app in
    // snippet.show
    let (home, _) = try await URLSession.shared.data(from: app)
    let questions = String(decoding: home, as: UTF8.self).components(separatedBy: "<li>").count - 1
    print("GET / shows \(questions) questions")

    var vote = URLRequest(url: app.appending(path: "questions/1/vote"))
    vote.httpMethod = "POST"
    vote.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    vote.httpBody = Data("choice=0".utf8)  // the first choice: Hummingbird
    let (results, response) = try await URLSession.shared.data(for: vote)  // follows the redirect
    print("POST /questions/1/vote lands on \(response.url!.path)")

    let page = String(decoding: results, as: UTF8.self)
    print(page.contains("<tr><td>Hummingbird</td><td>1</td>") ? "Hummingbird has 1 vote" : page)
    // snippet.hide
}

// Output:
// GET / shows 2 questions
// POST /questions/1/vote lands on /questions/1/results
// Hummingbird has 1 vote
