import Foundation
import MockIntake
import SnippetExpectations

/// A snippet's exchange with the intake written as its `// Request:`, `// Response:` and `// Datagram:` blocks:
/// method and path, the headers that matter, JSON bodies pretty-printed with sorted keys, and each datagram's lines.
///
/// Keys are always written `[API_KEY]` and `[APP_KEY]`, and a number that is the current Unix time (seconds or
/// milliseconds, within a day) is written `[TIMESTAMP]`, so the blocks read the same on every run.
struct ExchangeTranscript {
    let apiKey: String
    let appKey: String
    var now = Date().timeIntervalSince1970

    /// The headers a reader needs to see, in this order and spelling whatever the client sent; every other header
    /// (user agent, length, host) is left out.
    static let shownHeaders = ["Content-Type", "Content-Encoding", "DD-API-KEY", "DD-APPLICATION-KEY"]

    func sections(_ traffic: [IntakeTraffic]) -> [SnippetBlocks.Section] {
        traffic.flatMap { message -> [SnippetBlocks.Section] in
            switch message {
            case .http(let exchange):
                return [
                    .init(kind: .request, lines: request(exchange)),
                    .init(kind: .response, lines: response(exchange)),
                ]
            case .datagram(let text):
                // The tests' own empty datagram marks that the intake has read everything; it is not the snippet's.
                guard !text.allSatisfy(\.isNewline) else { return [] }
                return [.init(kind: .datagram, lines: text.split(separator: "\n").map { redacted(String($0)) })]
            }
        }
    }

    private func request(_ exchange: RecordedExchange) -> [String] {
        var lines = ["\(exchange.method) \(redacted(exchange.uri))"]
        lines += headers(exchange.requestHeaders)
        return lines + body(exchange.requestBody)
    }

    private func response(_ exchange: RecordedExchange) -> [String] {
        ["HTTP \(exchange.status)"] + headers(exchange.responseHeaders) + body(exchange.responseBody)
    }

    private func headers(_ headers: [(name: String, value: String)]) -> [String] {
        Self.shownHeaders.flatMap { shown in
            headers.filter { $0.name.lowercased() == shown.lowercased() }.map { "\(shown): \(redacted($0.value))" }
        }
    }

    private func body(_ bytes: [UInt8]) -> [String] {
        guard !bytes.isEmpty else { return [] }
        let text: String
        if let json = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) {
            text = PrettyJSON.text(json)
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        return [""] + text.split(separator: "\n", omittingEmptySubsequences: false).map { redacted(String($0)) }
    }

    /// The line with keys and current timestamps replaced by their placeholders.
    func redacted(_ line: String) -> String {
        var line = line.replacingOccurrences(of: apiKey, with: "[API_KEY]")
            .replacingOccurrences(of: appKey, with: "[APP_KEY]")
        var result = ""
        var digits = ""
        func flush() {
            if let value = Double(digits), isNow(value, digits: digits.count) {
                result += "[TIMESTAMP]"
            } else {
                result += digits
            }
            digits = ""
        }
        for character in line {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        line = result
        return line
    }

    private func isNow(_ value: Double, digits: Int) -> Bool {
        switch digits {
        case 10: abs(value - now) < 86_400
        case 13: abs(value / 1000 - now) < 86_400
        default: false
        }
    }
}

/// JSON as the exchange blocks show it: two-space indentation, `"key": value`, keys sorted, whole numbers
/// without a fraction.
enum PrettyJSON {
    static func text(_ value: JSONValue, indentation: String = "") -> String {
        let inner = indentation + "  "
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let string): return quoted(string)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + text($0, indentation: inner) }.joined(separator: ",\n")
                + "\n\(indentation)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n"
                + members.sorted { $0.key < $1.key }
                .map { inner + quoted($0.key) + ": " + text($0.value, indentation: inner) }
                .joined(separator: ",\n") + "\n\(indentation)}"
        }
    }

    /// A JSON string literal, as JSONEncoder writes it, `/` left alone.
    private static func quoted(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(string)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\(string)\""
    }
}
