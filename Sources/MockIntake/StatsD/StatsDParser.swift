import Foundation

/// Parses DogStatsD datagrams: metrics, events and service checks, several per packet separated by newlines, as
/// https://docs.datadoghq.com/developers/dogstatsd/datagram_shell/ describes them.
/// Public for the DogStatsD harness in `Fuzz/`, which checks it against the datagram grammar.
///
/// Lines are read as UTF-8 bytes, never as Characters: a combining mark after `|`, `@` or `:` would otherwise merge
/// with it into one Character and hide the separator.
public enum StatsDParser {
    /// Why a line was refused.
    public struct Malformed: Error, Equatable {
        public var reason: String
    }

    /// Parses every non-empty line of a packet; malformed lines come back as failures, never as a crash.
    public static func parsePacket(_ packet: Substring) -> [Result<StatsDMessage, Malformed>] {
        // Splitting on UTF-8 bytes, not Characters, keeps parsing cheap enough for 100,000 datagrams/s.
        packet.utf8.split(separator: UInt8(ascii: "\n")).compactMap { bytes in
            var trimmed = Substring(bytes)
            if trimmed.utf8.last == UInt8(ascii: "\r") { trimmed = Substring(trimmed.utf8.dropLast()) }
            guard !trimmed.isEmpty else { return nil }
            do {
                return .success(try parseLine(trimmed))
            } catch let error as Malformed {
                return .failure(error)
            } catch {
                return .failure(Malformed(reason: "\(error)"))
            }
        }
    }

    static func parseLine(_ line: Substring) throws -> StatsDMessage {
        if line.utf8.starts(with: "_e{".utf8) { return .event(try parseEvent(line)) }
        if line.utf8.starts(with: "_sc|".utf8) { return .serviceCheck(try parseServiceCheck(line)) }
        return .metric(try parseMetric(line))
    }

    static func parseMetric(_ line: Substring) throws -> StatsDMetric {
        let fields = fields(of: line)
        guard fields.count >= 2, let colon = fields[0].utf8.firstIndex(of: UInt8(ascii: ":")) else {
            throw Malformed(reason: "Metric line '\(line)' has no 'name:value|type'.")
        }
        let name = fields[0][..<colon]
        guard !name.isEmpty else { throw Malformed(reason: "Metric line '\(line)' has an empty name.") }
        guard let kind = StatsDMetric.Kind(rawValue: String(fields[1])) else {
            throw Malformed(reason: "Unknown metric type '\(fields[1])'.")
        }
        let rawValue = Substring(fields[0].utf8[fields[0].utf8.index(after: colon)...])
        guard !rawValue.isEmpty else { throw Malformed(reason: "Metric '\(name)' has no value.") }
        var values: [Double] = []
        if kind != .set {
            // Protocol v1.1 packs several values, `name:1:2:3|h`; every one must be a number.
            for raw in rawValue.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
                guard let value = finiteNumber(Substring(raw)) else {
                    throw Malformed(reason: "Value '\(Substring(raw))' of metric '\(name)' is not a number.")
                }
                values.append(value)
            }
        }
        var metric = StatsDMetric(
            // Packing is "supported for all metric types except SET", so a set's value is one member, `:` included.
            name: String(name), values: values, setValues: kind == .set ? [String(rawValue)] : [], kind: kind,
            sampleRate: 1, tags: [], containerID: nil, timestamp: nil)
        for field in fields.dropFirst(2) {
            let value = Substring(field.utf8.dropFirst())
            switch field.utf8.first {
            case UInt8(ascii: "@"):
                guard let rate = finiteNumber(value), rate > 0, rate <= 1 else {
                    throw Malformed(reason: "Sample rate '\(field)' is not between 0 and 1.")
                }
                metric.sampleRate = rate
            case UInt8(ascii: "#"):
                metric.tags = tags(value)
            case UInt8(ascii: "T"):
                guard let timestamp = finiteNumber(value) else {
                    throw Malformed(reason: "Timestamp '\(field)' is not a number.")
                }
                metric.timestamp = timestamp
            default:
                if field.utf8.starts(with: "c:".utf8) {
                    metric.containerID = String(Substring(field.utf8.dropFirst(2)))
                }
            // Other fields (e.g. `e:` external data, `card:`) are accepted and ignored, as the Agent does.
            }
        }
        return metric
    }

    /// `_e{<title length>,<text length>}:<title>|<text>|d:…|h:…|k:…|p:…|s:…|t:…|#tags`, lengths in UTF-8 bytes.
    static func parseEvent(_ line: Substring) throws -> StatsDEvent {
        let bytes = Array(line.utf8)
        var index = 3
        guard let titleLength = length(in: bytes, at: &index, until: ","),
            let textLength = length(in: bytes, at: &index, until: "}"), index < bytes.count,
            bytes[index] == UInt8(ascii: ":")
        else { throw Malformed(reason: "Event '\(line)' has no '_e{title,text}:' header.") }
        index += 1
        guard titleLength > 0 else { throw Malformed(reason: "Event '\(line)' has an empty title.") }
        // Each length is at most the line's, so the sum cannot overflow.
        guard titleLength <= bytes.count, textLength <= bytes.count,
            bytes.count - index >= titleLength + 1 + textLength
        else { throw Malformed(reason: "Event '\(line)' is shorter than its header says.") }
        let textStart = index + titleLength + 1
        let textEnd = textStart + textLength
        guard bytes[textStart - 1] == UInt8(ascii: "|") else {
            throw Malformed(reason: "Event title length \(titleLength) does not match the title.")
        }
        guard textEnd == bytes.count || bytes[textEnd] == UInt8(ascii: "|") else {
            throw Malformed(reason: "Event text length \(textLength) does not match the text.")
        }
        // Both ends of the title and of the text are at an ASCII `|` or the line's end, so they hold whole characters.
        let title = String(decoding: bytes[index..<(textStart - 1)], as: UTF8.self)
        let text = String(decoding: bytes[textStart..<textEnd], as: UTF8.self)
        var event = StatsDEvent(
            title: title, text: text.replacingOccurrences(of: "\\n", with: "\n"), timestamp: nil, host: nil,
            aggregationKey: nil, priority: "normal", sourceTypeName: nil, alertType: "info", tags: [])
        for fieldBytes in bytes[textEnd...].split(separator: UInt8(ascii: "|")) {
            let field = Substring(String(decoding: fieldBytes, as: UTF8.self))
            let value = Substring(field.utf8.dropFirst(2))
            if field.utf8.first == UInt8(ascii: "#") {
                event.tags = tags(Substring(field.utf8.dropFirst()))
            } else if field.utf8.starts(with: "d:".utf8) {
                event.timestamp = finiteNumber(value)
            } else if field.utf8.starts(with: "h:".utf8) {
                event.host = String(value)
            } else if field.utf8.starts(with: "k:".utf8) {
                event.aggregationKey = String(value)
            } else if field.utf8.starts(with: "p:".utf8) {
                event.priority = String(value)
            } else if field.utf8.starts(with: "s:".utf8) {
                event.sourceTypeName = String(value)
            } else if field.utf8.starts(with: "t:".utf8) {
                event.alertType = String(value)
            }
        }
        return event
    }

    /// `_sc|<name>|<status>|d:…|h:…|#tags|m:<message>`; the message comes last and runs to the end of the line.
    static func parseServiceCheck(_ line: Substring) throws -> CheckRun {
        let fields = fields(of: line)
        guard fields.count >= 3, !fields[1].isEmpty else {
            throw Malformed(reason: "Service check '\(line)' has no '_sc|name|status'.")
        }
        guard let status = Int(fields[2]), (0...3).contains(status) else {
            throw Malformed(reason: "Service check status '\(fields[2])' is not 0, 1, 2 or 3.")
        }
        var check = CheckRun(check: String(fields[1]), status: status, timestamp: 0)
        for field in fields.dropFirst(3) {
            if field.utf8.starts(with: "m:".utf8) {
                // "This field must be positioned last among the metadata fields": a `|` in it is the message's.
                check.message = String(Substring(line.utf8[field.utf8.index(field.utf8.startIndex, offsetBy: 2)...]))
                break
            }
            if field.utf8.starts(with: "d:".utf8) {
                check.timestamp = finiteNumber(Substring(field.utf8.dropFirst(2))) ?? 0
            } else if field.utf8.starts(with: "h:".utf8) {
                check.hostName = String(Substring(field.utf8.dropFirst(2)))
            } else if field.utf8.first == UInt8(ascii: "#") {
                check.tags = tags(Substring(field.utf8.dropFirst()))
            }
        }
        return check
    }

    /// The `|`-separated fields of a line, empty ones kept.
    private static func fields(of line: Substring) -> [Substring] {
        line.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map(Substring.init)
    }

    /// A finite number, or nil.
    private static func finiteNumber(_ text: Substring) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The decimal digits at `index` up to `terminator`, which is skipped.
    private static func length(in bytes: [UInt8], at index: inout Int, until terminator: Character) -> Int? {
        let digits = bytes[index...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.endIndex < bytes.count, bytes[digits.endIndex] == terminator.asciiValue,
            let value = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        index = digits.endIndex + 1
        return value
    }

    /// The `#` field's tags, normalised as Datadog does (see `DatadogTag`).
    private static func tags(_ text: Substring) -> [String] {
        DatadogTag.normalize(text.utf8.split(separator: UInt8(ascii: ",")).map { String(Substring($0)) })
    }
}
