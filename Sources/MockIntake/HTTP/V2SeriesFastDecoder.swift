import NIOCore

/// A byte-level reader for the common shape of `POST /api/v2/series` bodies, several times faster than
/// `JSONDecoder`. It gives up (returns `nil`) on anything unusual, such as escaped strings, and the caller then
/// decodes with `JSONDecoder`, which also words the errors; so it only has to be right when it succeeds.
struct V2SeriesFastDecoder {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    static func decode(_ buffer: ByteBuffer) -> V2SeriesBody? {
        buffer.withUnsafeReadableBytes { bytes in
            var decoder = V2SeriesFastDecoder(bytes)
            guard let body = decoder.body() else { return nil }
            decoder.skipSpaces()
            return decoder.index == bytes.count ? body : nil
        }
    }

    private mutating func body() -> V2SeriesBody? {
        var series: [V2SeriesBody.Series]?
        guard object({ decoder, key in
            if key == "series" {
                series = decoder.array { decoder in decoder.series() }
                return series != nil
            }
            return decoder.skipValue()
        }) else { return nil }
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
            case "metric":
                metric = decoder.string()
                return metric != nil
            case "points":
                points = decoder.array { decoder in decoder.point() }
                return points != nil
            case "type":
                guard let number = decoder.number(), let value = Int(exactly: number) else { return false }
                type = value
                return true
            case "interval":
                interval = decoder.number()
                return interval != nil
            case "tags":
                tags = decoder.array { decoder in decoder.string() }
                return tags != nil
            case "resources":
                resources = decoder.array { decoder in decoder.resource() }
                return resources != nil
            default:
                return decoder.skipValue()
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
            case "timestamp": timestamp = decoder.number(); return timestamp != nil
            case "value": value = decoder.number(); return value != nil
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
            case "name": name = decoder.string(); return name != nil
            case "type": type = decoder.string(); return type != nil
            default: return decoder.skipValue()
            }
        }
        guard ok, let name, let type else { return nil }
        return V2SeriesBody.Resource(name: name, type: type)
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
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    private mutating func array<Element>(_ element: (inout V2SeriesFastDecoder) -> Element?) -> [Element]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        if consume(UInt8(ascii: "]")) { return elements }
        repeat {
            guard let value = element(&self) else { return nil }
            elements.append(value)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? elements : nil
    }

    /// A string without escapes; escaped strings make the fast path give up.
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while let byte = current, byte != UInt8(ascii: "\"") {
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        guard current != nil else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
    }

    private mutating func number() -> Double? {
        skipSpaces()
        let start = index
        var integer = 0
        var negative = false
        var simple = true
        if current == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        while let byte = current {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if simple {
                    let (product, overflow1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = product.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                    if overflow1 || overflow2 { simple = false } else { integer = sum }
                }
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            {
                simple = false
            } else {
                break
            }
            index += 1
        }
        guard index > start + (negative ? 1 : 0) else { return nil }
        if simple { return Double(negative ? -integer : integer) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

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
