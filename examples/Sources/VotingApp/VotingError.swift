import Hummingbird

/// What a visitor or admin can get wrong; each answers with an HTTP status and a sentence.
public enum VotingError: Error, Equatable, HTTPResponseError {
    case unknownQuestion(Int)
    case unknownChoice(Int)
    case emptyQuestion
    case tooFewChoices

    public var status: HTTPResponse.Status {
        if case .unknownQuestion = self { return .notFound }
        return .badRequest
    }

    public var message: String {
        switch self {
        case .unknownQuestion(let id): "There is no question \(id)."
        case .unknownChoice(let choice): "There is no choice \(choice) for this question."
        case .emptyQuestion: "Write the question."
        case .tooFewChoices: "Give at least two choices, one per line."
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTML.page(title: "Sorry", body: "<p>\(HTML.escape(message))</p><p><a href=\"/\">All questions</a></p>")
            .response(from: request, context: context).withStatus(status)
    }
}

extension Response {
    fileprivate func withStatus(_ status: HTTPResponse.Status) -> Response {
        var response = self
        response.status = status
        return response
    }
}
