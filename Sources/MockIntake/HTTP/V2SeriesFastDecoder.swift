import NIOCore

/// A byte-level reader for the common shape of `POST /api/v2/series` bodies, several times faster than
/// `JSONDecoder`. It gives up (returns `nil`) on anything unusual, such as escaped strings, duplicate keys or deep
/// nesting, and the caller then decodes with `JSONDecoder`, which also words the errors; so it only has to be right
/// when it succeeds. It follows RFC 8259's grammar: numbers without leading zeros, `+` or bare `.`, strings of valid
/// UTF-8 without control characters, and nothing after the top-level value but whitespace. Public for the harness
/// in `Fuzz/` that checks it against `JSONDecoder`.
public struct V2SeriesFastDecoder {
    /// Deeper values in fields the intake skips make it give up, so that hostile nesting cannot exhaust the stack.
    private static let maximumDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The body, or nil when the fast path gives up.
    public static func decode(_ buffer: ByteBuffer) -> V2SeriesBody? {
        buffer.withUnsafeReadableBytes { bytes in
            var decoder = V2SeriesFastDecoder(bytes)
            guard let body = decoder.body() else { return nil }
            decoder.skipSpaces()
            return decoder.index == bytes.count ? body : nil
        }
    }

    private mutating func body() -> V2SeriesBody? {
        var series: [V2SeriesBody.Series]?
        guard
            object({ decoder, key in
                if key == "series" { return decoder.readOnce(&series) { $0.array { decoder in decoder.series() } } }
                return decoder.skipValue()
            })
        else { return nil }
        guard let series else { return nil }
        return V2SeriesBody(series: series)
    }

    private mutating func series() -> V2SeriesBody.Series? {
        var metric: String?
        var points: [V2SeriesBody.Point]?
        var type: Int?
        var interval: Double?
        var resources: [V2SeriesBody.Resource]?
        var tags: [String]?
        let ok = object { decoder, key in
            switch key {
            case "metric": return decoder.readOnce(&metric) { $0.string() }
            case "points": return decoder.readOnce(&points) { $0.array { decoder in decoder.point() } }
            case "type": return decoder.readOnce(&type) { $0.integer() }
            case "interval": return decoder.readOnce(&interval) { $0.number() }
            case "tags": return decoder.readOnce(&tags) { $0.array { decoder in decoder.string() } }
            case "resources": return decoder.readOnce(&resources) { $0.array { decoder in decoder.resource() } }
            default: return decoder.skipValue()
            }
        }
        guard ok, let metric, let points else { return nil }
        return V2SeriesBody.Series(
            metric: metric, points: points, type: type, interval: interval, resources: resources, tags: tags)
    }

    private mutating func point() -> V2SeriesBody.Point? {
        var timestamp: Double?
        var value: Double?
        let ok = object { decoder, key in
            switch key {
            case "timestamp": return decoder.readOnce(&timestamp) { $0.number() }
            case "value": return decoder.readOnce(&value) { $0.number() }
            default: return decoder.skipValue()
            }
        }
        guard ok, let timestamp, let value else { return nil }
        return V2SeriesBody.Point(timestamp: timestamp, value: value)
    }

    private mutating func resource() -> V2SeriesBody.Resource? {
        var name: String?
        var type: String?
        let ok = object { decoder, key in
            switch key {
            case "name": return decoder.readOnce(&name) { $0.string() }
            case "type": return decoder.readOnce(&type) { $0.string() }
            default: return decoder.skipValue()
            }
        }
        guard ok, let name, let type else { return nil }
        return V2SeriesBody.Resource(name: name, type: type)
    }

    /// Reads a known field's value; a second occurrence of the key makes the fast path give up, since JSONDecoder
    /// keeps the first.
    private mutating func readOnce<Value>(
        _ field: inout Value?, _ read: (inout V2SeriesFastDecoder) -> Value?
    ) -> Bool {
        guard field == nil else { return false }
        field = read(&self)
        return field != nil
    }

    // MARK: JSON primitives

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpaces() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpaces()
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func object(_ member: (inout V2SeriesFastDecoder, String) -> Bool) -> Bool {
        guard depth < Self.maximumDepth, consume(UInt8(ascii: "{")) else { return false }
        depth += 1
        defer { depth -= 1 }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    private mutating func array<Element>(_ element: (inout V2SeriesFastDecoder) -> Element?) -> [Element]? {
        guard depth < Self.maximumDepth, consume(UInt8(ascii: "[")) else { return nil }
        depth += 1
        defer { depth -= 1 }
        var elements: [Element] = []
        if consume(UInt8(ascii: "]")) { return elements }
        repeat {
            guard let value = element(&self) else { return nil }
            elements.append(value)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? elements : nil
    }

    /// A string without escapes; escaped strings make the fast path give up, and invalid UTF-8 fails.
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var ascii = true
        while let byte = current, byte != UInt8(ascii: "\"") {
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard current != nil else { return nil }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if ascii { return String(decoding: raw, as: UTF8.self) }
        return String(validating: raw, as: UTF8.self)
    }

    /// A number by RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, finite as a Double.
    private mutating func number() -> Double? {
        guard let (start, integer) = numberLiteral() else { return nil }
        // JSONDecoder reads `-0` as negative zero.
        if let integer { return integer == 0 && bytes[start] == UInt8(ascii: "-") ? -0.0 : Double(integer) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A number written as a plain integer that fits an `Int`; `1.0` or `1e0` make the fast path give up.
    private mutating func integer() -> Int? {
        guard let (_, integer) = numberLiteral() else { return nil }
        return integer
    }

    /// Scans one number literal; returns where it starts and, when it has no fraction or exponent and fits an
    /// `Int`, its value.
    private mutating func numberLiteral() -> (start: Int, integer: Int?)? {
        skipSpaces()
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        var integer: Int? = 0
        guard let first = current, isDigit(first) else { return nil }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            while let byte = current, isDigit(byte) {
                if let value = integer {
                    let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = product.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                    integer = overflow1 || overflow2 ? nil : sum
                }
                index += 1
            }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return nil }
            integer = nil
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return nil }
            integer = nil
        }
        return (start, negative ? integer.map { -$0 } : integer)
    }

    /// Skips one or more digits; false when there is none.
    private mutating func digits() -> Bool {
        let start = index
        while let byte = current, isDigit(byte) { index += 1 }
        return index > start
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Skips any JSON value, for fields the intake does not keep (unit, metadata, source_type_name…).
    private mutating func skipValue() -> Bool {
        skipSpaces()
        switch current {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"): return object { decoder, _ in decoder.skipValue() }
        case UInt8(ascii: "["): return array { decoder in decoder.skipValue() ? true : nil } != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number() != nil
        }
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }
}
