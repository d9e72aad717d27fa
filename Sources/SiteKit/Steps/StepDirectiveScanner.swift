/// Reads `@Step(name: value, …)` where each value is a `"string"` or a whole number, tracking line and column.
struct StepDirectiveScanner {
    private var characters: [Character]
    private var index = 0
    private let file: String
    private var line: Int
    private var column: Int

    private enum Value {
        case text(String)
        case number(Int)
    }

    private struct Failure: Error {
        var message: String
        var position: StepDirective.Position
    }

    init(text: String, file: String, line: Int, column: Int) {
        characters = Array(text)
        self.file = file
        self.line = line
        self.column = column
    }

    mutating func parse() -> StepDirective.ParseResult? {
        let start = position
        guard characters.starts(with: "@Step") else { return nil }
        advance(5)
        skipSpaces()
        guard current == "(" else { return nil }
        advance()
        do {
            let arguments = try readArguments()
            return .directive(try directive(from: arguments, start: start))
        } catch {
            return .malformed(.error(error.message, at: file, line: error.position.line, column: error.position.column))
        }
    }

    private func directive(
        from arguments: [String: (value: Value, position: StepDirective.Position)], start: StepDirective.Position
    ) throws(Failure) -> StepDirective {
        guard case (.text(let tutorial), let tutorialPosition)? = arguments["tutorial"], !tutorial.isEmpty else {
            throw Failure(
                message: "'@Step' needs a 'tutorial' string", position: arguments["tutorial"]?.position ?? start)
        }
        guard case (.number(let step), let stepPosition)? = arguments["step"], step >= 1 else {
            throw Failure(
                message: "'@Step' needs a 'step' number from 1", position: arguments["step"]?.position ?? start)
        }
        guard case (.text(let file), let filePosition)? = arguments["file"], !file.isEmpty else {
            throw Failure(message: "'@Step' needs a 'file' string", position: arguments["file"]?.position ?? start)
        }
        return StepDirective(
            chapter: self.file, tutorial: tutorial, step: step, file: file, position: start,
            tutorialPosition: tutorialPosition, stepPosition: stepPosition, filePosition: filePosition)
    }

    private mutating func readArguments() throws(Failure) -> [String: (value: Value, position: StepDirective.Position)]
    {
        var arguments: [String: (value: Value, position: StepDirective.Position)] = [:]
        skipSpaces()
        while current != ")" {
            let namePosition = position
            var name = ""
            while let character = current, character.isLetter {
                name.append(character)
                advance()
            }
            guard ["tutorial", "step", "file"].contains(name) else {
                throw Failure(
                    message: current == nil
                        ? "expected ')' to close '@Step('"
                        : "unknown argument '\(name)'; '@Step' takes 'tutorial', 'step' and 'file'",
                    position: namePosition)
            }
            guard arguments[name] == nil else {
                throw Failure(message: "duplicate argument '\(name)'", position: namePosition)
            }
            skipSpaces()
            guard current == ":" else { throw Failure(message: "expected ':' after '\(name)'", position: position) }
            advance()
            skipSpaces()
            let valuePosition = position
            arguments[name] = (try readValue(), valuePosition)
            skipSpaces()
            if current == "," {
                advance()
                skipSpaces()
            } else if current != ")" {
                throw Failure(
                    message: current == nil ? "expected ')' to close '@Step('" : "expected ',' or ')'",
                    position: position)
            }
        }
        advance()
        skipSpaces()
        guard current == nil else { throw Failure(message: "unexpected text after '@Step(…)'", position: position) }
        return arguments
    }

    private mutating func readValue() throws(Failure) -> Value {
        let opening = position
        if let character = current, character.isASCII, character.isNumber {
            var digits = ""
            while let digit = current, digit.isASCII, digit.isNumber {
                digits.append(digit)
                advance()
            }
            guard let number = Int(digits) else { throw Failure(message: "number too large", position: opening) }
            return .number(number)
        }
        guard current == "\"" else { throw Failure(message: "expected a quoted string or a number", position: opening) }
        advance()
        var text = ""
        while let character = current, character != "\"" {
            guard character != "\n" else { break }
            text.append(character)
            advance()
        }
        guard current == "\"" else { throw Failure(message: "unterminated string", position: opening) }
        advance()
        return .text(text)
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private var position: StepDirective.Position { .init(line: line, column: column) }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < characters.count {
            if characters[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += characters[index].utf8.count
            }
            index += 1
        }
    }

    private mutating func skipSpaces() {
        while let character = current, character.isWhitespace { advance() }
    }
}
