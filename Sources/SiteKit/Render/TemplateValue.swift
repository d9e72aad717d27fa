/// A value a page template can show: what ``PageRenderer`` hands to ``Theme``.
///
/// Typed, so that a ``CompiledTemplate`` renders a page without the dynamic casts that `Any` values cost.
indirect enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value as plain Swift values: written out (its description) when a variable names a list or an object,
    /// as swift-mustache does, which the tests render these values with.
    var any: Any {
        switch self {
        case .string(let text): text
        case .bool(let value): value
        case .list(let items): items.map(\.any)
        case .object(let fields): fields.mapValues(\.any)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) {
        self = .string(value)
    }

    init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}
