/// The app's pages, as HTML.
enum Pages {
    static func home(_ questions: [Question]) -> HTML {
        let items = questions.map { "<li><a href=\"/questions/\($0.id)\">\(HTML.escape($0.text))</a></li>" }
        let list = items.isEmpty ? "<p>No questions yet.</p>" : "<ul>\(items.joined())</ul>"
        return HTML.page(title: "Questions", body: list + "<p><a href=\"/admin\">Admin</a></p>")
    }

    static func question(_ question: Question) -> HTML {
        let choices = question.choices.enumerated().map { index, choice in
            "<p><label><input type=\"radio\" name=\"choice\" value=\"\(index)\" required> \(HTML.escape(choice))</label></p>"
        }
        return HTML.page(
            title: question.text,
            body: """
                <form method="post" action="/questions/\(question.id)/vote">\(choices.joined())
                <button>Vote</button></form>
                <p><a href="/questions/\(question.id)/results">Results</a> · <a href="/">All questions</a></p>
                """)
    }

    static func results(_ question: Question) -> HTML {
        HTML.page(title: question.text, body: resultsTable(question) + "<p><a href=\"/\">All questions</a></p>")
    }

    static func admin(_ questions: [Question]) -> HTML {
        let results = questions.map { "<h2>\(HTML.escape($0.text))</h2>" + resultsTable($0) }
        return HTML.page(
            title: "Admin",
            body: """
                <form method="post" action="/admin/questions">
                <p><label>Question<br><input name="text" size="50" required></label></p>
                <p><label>Choices, one per line<br><textarea name="choices" rows="4" cols="40" required></textarea></label></p>
                <button>Create</button></form>
                \(results.joined())
                """)
    }

    /// Each choice with its votes and a bar as wide as its share.
    private static func resultsTable(_ question: Question) -> String {
        let total = max(question.totalVotes, 1)
        let rows = zip(question.choices, question.votes).map { choice, votes in
            "<tr><td>\(HTML.escape(choice))</td><td>\(votes)</td>"
                + "<td><div class=\"bar\" style=\"width:\(votes * 200 / total)px\"></div></td></tr>"
        }
        let count = question.totalVotes == 1 ? "1 vote" : "\(question.totalVotes) votes"
        return "<table>\(rows.joined())</table><p>\(count)</p>"
    }
}
