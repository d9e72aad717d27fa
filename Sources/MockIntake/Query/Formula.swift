/// A formula over a widget's named queries, as Datadog's `formulas` write them: `a`, `b * 1000`, `(a + b) / 2`.
///
/// Series of two queries pair up by their group tags; a query without groups pairs with every group of the other,
/// and so does a number. A point is kept where both sides have one; a division by zero has none.
indirect enum Formula: Equatable, Sendable {
    case query(String)
    case number(Double)
    case negated(Formula)
    case binary(Operator, Formula, Formula)

    enum Operator: Character, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// Why a formula cannot be read or computed, said as Datadog's API would.
    struct Problem: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The name of the one query the formula is, when it is only that (`a`).
    var queryName: String? {
        if case .query(let name) = self { return name }
        return nil
    }

    static func parse(_ text: String) throws(Problem) -> Formula {
        var parser = FormulaParser(text)
        let formula = try parser.expression()
        guard parser.atEnd else { throw Problem(description: "unexpected '\(parser.rest)' in formula '\(text)'") }
        return formula
    }

    /// The formula's series, computed from each query's results by name.
    func evaluate(_ results: [String: [QuerySeries]], named name: String) throws(Problem) -> [QuerySeries] {
        switch try value(results) {
        case .series(let series):
            return series.map { QuerySeries(metric: name, tagSet: $0.tagSet, points: $0.points, interval: $0.interval) }
        case .constant: throw Problem(description: "formula '\(name)' names no query")
        }
    }

    private enum Value {
        case constant(Double)
        case series([QuerySeries])
    }

    private func value(_ results: [String: [QuerySeries]]) throws(Problem) -> Value {
        switch self {
        case .number(let number):
            return .constant(number)
        case .query(let name):
            guard let series = results[name] else { throw Problem(description: "formula names no query '\(name)'") }
            return .series(series)
        case .negated(let inner):
            return Self.combine(.multiply, .constant(-1), try inner.value(results))
        case .binary(let op, let left, let right):
            return Self.combine(op, try left.value(results), try right.value(results))
        }
    }

    private static func combine(_ op: Operator, _ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.constant(let a), .constant(let b)):
            return apply(op, a, b).map(Value.constant) ?? .constant(.nan)
        case (.constant(let a), .series(let series)):
            return .series(series.map { one in map(one) { apply(op, a, $0) } })
        case (.series(let series), .constant(let b)):
            return .series(series.map { one in map(one) { apply(op, $0, b) } })
        case (.series(let lefts), .series(let rights)):
            return .series(
                pairs(lefts, rights).map { left, right in
                    let values = Dictionary(
                        right.points.map { ($0.timestamp, $0.value) }, uniquingKeysWith: { a, _ in a })
                    let points = left.points.compactMap { point -> (timestamp: Double, value: Double)? in
                        guard let other = values[point.timestamp], let result = apply(op, point.value, other) else {
                            return nil
                        }
                        return (point.timestamp, result)
                    }
                    let tags = left.tagSet.isEmpty ? right.tagSet : left.tagSet
                    return QuerySeries(
                        metric: left.metric, tagSet: tags, points: points, interval: max(left.interval, right.interval))
                })
        }
    }

    /// Series that meet: the same group, or one side without groups.
    private static func pairs(_ lefts: [QuerySeries], _ rights: [QuerySeries]) -> [(QuerySeries, QuerySeries)] {
        if lefts.count == 1, lefts[0].tagSet.isEmpty { return rights.map { (lefts[0], $0) } }
        if rights.count == 1, rights[0].tagSet.isEmpty { return lefts.map { ($0, rights[0]) } }
        let byTags = Dictionary(rights.map { ($0.tagSet, $0) }, uniquingKeysWith: { first, _ in first })
        return lefts.compactMap { left in byTags[left.tagSet].map { (left, $0) } }
    }

    private static func map(_ series: QuerySeries, _ transform: (Double) -> Double?) -> QuerySeries {
        var mapped = series
        mapped.points = series.points.compactMap { point in transform(point.value).map { (point.timestamp, $0) } }
        return mapped
    }

    private static func apply(_ op: Operator, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: b == 0 ? nil : a / b
        }
    }
}

/// Reads a formula by recursive descent: sums of products of numbers, names, negations and parentheses.
private struct FormulaParser {
    private let text: String
    private var characters: [Character]
    private var position = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return position == characters.count
        }
    }

    var rest: String { String(characters[position...]) }

    mutating func expression() throws(Formula.Problem) -> Formula {
        var formula = try term()
        while let op = peekOperator(in: [.add, .subtract]) {
            position += 1
            formula = .binary(op, formula, try term())
        }
        return formula
    }

    private mutating func term() throws(Formula.Problem) -> Formula {
        var formula = try factor()
        while let op = peekOperator(in: [.multiply, .divide]) {
            position += 1
            formula = .binary(op, formula, try factor())
        }
        return formula
    }

    private mutating func factor() throws(Formula.Problem) -> Formula {
        skipSpaces()
        guard position < characters.count else { throw problem("a formula ends too early") }
        let character = characters[position]
        if character == "-" {
            position += 1
            return .negated(try factor())
        }
        if character == "(" {
            position += 1
            let inner = try expression()
            skipSpaces()
            guard position < characters.count, characters[position] == ")" else { throw problem("a '(' is not closed") }
            position += 1
            return inner
        }
        if character.isNumber || character == "." {
            let start = position
            while position < characters.count, characters[position].isNumber || characters[position] == "." {
                position += 1
            }
            guard let number = Double(String(characters[start..<position])) else {
                throw problem("a number is malformed")
            }
            return .number(number)
        }
        if character.isLetter || character == "_" {
            let start = position
            while position < characters.count,
                characters[position].isLetter || characters[position].isNumber || characters[position] == "_"
            {
                position += 1
            }
            return .query(String(characters[start..<position]))
        }
        throw problem("unexpected '\(character)'")
    }

    private mutating func peekOperator(in operators: [Formula.Operator]) -> Formula.Operator? {
        skipSpaces()
        guard position < characters.count, let op = Formula.Operator(rawValue: characters[position]),
            operators.contains(op)
        else { return nil }
        return op
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " { position += 1 }
    }

    private func problem(_ message: String) -> Formula.Problem {
        Formula.Problem(description: "\(message) in formula '\(text)'")
    }
}
