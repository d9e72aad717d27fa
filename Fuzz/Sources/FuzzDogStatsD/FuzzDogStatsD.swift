import MockIntake

/// libFuzzer entry point, a differential check: the input, as one UDP packet, goes through `StatsDParser` and
/// through `DatagramGrammar` below; they must accept the same lines and read the same fields from them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let packet = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = StatsDParser.parsePacket(packet[...])
    let lines = DatagramGrammar.lines(of: Array(packet.utf8))
    precondition(
        parsed.count == lines.count, "\(parsed.count) results for \(lines.count) lines in \(packet.debugDescription)")
    for (result, line) in zip(parsed, lines) {
        let expected = DatagramGrammar.message(line)
        let text = String(decoding: line, as: UTF8.self).debugDescription
        switch (result, expected) {
        case (.failure, nil):
            continue
        case (.success(let message), nil):
            fatalError("StatsDParser accepts the line the grammar refuses\nline: \(text)\nparsed: \(message)")
        case (.failure(let error), .some(let reference)):
            fatalError(
                "StatsDParser refuses (\(error.reason)) a line of the grammar\nline: \(text)\ngrammar: \(reference)")
        case (.success(let message), .some(let reference)):
            let difference = reference.difference(from: message)
            precondition(
                difference == nil, "\(difference ?? "")\nline: \(text)\nparsed: \(message)\ngrammar: \(reference)")
        }
    }
    return 0
}

/// DogStatsD's datagram format as Datadog documents it
/// (https://docs.datadoghq.com/developers/dogstatsd/datagram_shell/), written byte by byte apart from
/// `StatsDParser`. Where the mock follows the Agent rather than the letter of the page, the comment says so.
enum DatagramGrammar {
    enum Message {
        case metric(Metric)
        case event(Event)
        case serviceCheck(ServiceCheck)
    }

    /// `<METRIC_NAME>:<VALUE>[:<VALUE>…]|<TYPE>|@<SAMPLE_RATE>|#<TAGS>|c:<CONTAINER_ID>|T<TIMESTAMP>`
    struct Metric {
        var name: String
        var values: [Double] = []
        /// A set's member: the page says value packing (protocol v1.1) is for every type but sets.
        var setValue: String?
        var type: String
        var sampleRate = 1.0
        var tags: [String] = []
        var containerID: String?
        var timestamp: Double?
    }

    /// `_e{<TITLE_UTF8_LENGTH>,<TEXT_UTF8_LENGTH>}:<TITLE>|<TEXT>|d:…|h:…|k:…|p:…|s:…|t:…|#<TAGS>`
    struct Event {
        var title: String
        var text: String
        var timestamp: Double?
        var host: String?
        var aggregationKey: String?
        var priority = "normal"
        var sourceTypeName: String?
        var alertType = "info"
        var tags: [String] = []
    }

    /// `_sc|<NAME>|<STATUS>|d:<TIMESTAMP>|h:<HOSTNAME>|#<TAGS>|m:<SERVICE_CHECK_MESSAGE>`
    struct ServiceCheck {
        var name: String
        var status: Int
        var timestamp = 0.0
        var host: String?
        var tags: [String] = []
        var message: String?
    }

    /// The packet's datagrams: one a line, a trailing `\r` dropped, empty lines skipped.
    static func lines(of packet: [UInt8]) -> [ArraySlice<UInt8>] {
        split(packet[...], on: "\n").compactMap { line in
            let line = line.last == ascii("\r") ? line.dropLast() : line
            return line.isEmpty ? nil : line
        }
    }

    /// The datagram `line`, or nil when it breaks the grammar.
    static func message(_ line: ArraySlice<UInt8>) -> Message? {
        if line.starts(with: "_e{".utf8) { return event(line).map(Message.event) }
        if line.starts(with: "_sc|".utf8) { return serviceCheck(line).map(Message.serviceCheck) }
        return metric(line).map(Message.metric)
    }

    static func metric(_ line: ArraySlice<UInt8>) -> Metric? {
        let fields = split(line, on: "|")
        guard fields.count >= 2, let colon = fields[0].firstIndex(of: ascii(":")) else { return nil }
        // The page allows ASCII letters, digits, `_` and `.` in names, but the Agent takes any name and Datadog
        // normalises it on intake, so any non-empty name is read here.
        let name = string(fields[0][..<colon])
        let value = fields[0][(colon + 1)...]
        let type = string(fields[1])
        guard !name.isEmpty, ["c", "g", "ms", "h", "s", "d"].contains(type) else { return nil }
        var metric = Metric(name: name, type: type)
        if type == "s" {
            guard !value.isEmpty else { return nil }
            metric.setValue = string(value)
        } else {
            for packed in split(value, on: ":") {
                guard let number = number(packed) else { return nil }
                metric.values.append(number)
            }
        }
        for field in fields.dropFirst(2) {
            if field.first == ascii("@") {
                // "between 0 and 1, inclusive"; 0 is refused, since counts are divided by the rate.
                guard let rate = number(field.dropFirst()), rate > 0, rate <= 1 else { return nil }
                metric.sampleRate = rate
            } else if field.first == ascii("#") {
                metric.tags = tags(field.dropFirst())
            } else if field.starts(with: "c:".utf8) {
                metric.containerID = string(field.dropFirst(2))
            } else if field.first == ascii("T") {
                guard let timestamp = number(field.dropFirst()) else { return nil }
                metric.timestamp = timestamp
            }
            // Other fields (`e:` external data, `card:` cardinality…) are read and ignored, as by the Agent.
        }
        return metric
    }

    static func event(_ line: ArraySlice<UInt8>) -> Event? {
        var rest = line.dropFirst(3)
        guard let titleLength = integer(&rest, until: ","), let textLength = integer(&rest, until: "}"),
            rest.first == ascii(":"), titleLength > 0
        else { return nil }
        rest = rest.dropFirst()
        guard titleLength <= rest.count, textLength <= rest.count, rest.count >= titleLength + 1 + textLength,
            rest[rest.startIndex + titleLength] == ascii("|")
        else { return nil }
        let titleBytes = rest.prefix(titleLength)
        let textBytes = rest.dropFirst(titleLength + 1).prefix(textLength)
        // The lengths count UTF-8 bytes; one that cuts a character in two does not describe this datagram.
        guard let title = validString(titleBytes), let text = validString(textBytes) else { return nil }
        var event = Event(title: title, text: text.replacingOccurrences(of: "\\n", with: "\n"))
        let metadata = rest.dropFirst(titleLength + 1 + textLength)
        // After the text comes the end of the datagram or a `|` and the metadata fields.
        guard metadata.isEmpty || metadata.first == ascii("|") else { return nil }
        for field in split(metadata.dropFirst(), on: "|") where !field.isEmpty {
            let value = string(field.dropFirst(2))
            // The page gives no rule for a `d:` that is not a number; the mock, like the Agent, drops it.
            if field.starts(with: "d:".utf8) {
                event.timestamp = number(field.dropFirst(2))
            } else if field.starts(with: "h:".utf8) {
                event.host = value
            } else if field.starts(with: "k:".utf8) {
                event.aggregationKey = value
            }
            // Priorities and alert types other than the page's are kept as written, for the test to see.
            else if field.starts(with: "p:".utf8) {
                event.priority = value
            } else if field.starts(with: "s:".utf8) {
                event.sourceTypeName = value
            } else if field.starts(with: "t:".utf8) {
                event.alertType = value
            } else if field.first == ascii("#") {
                event.tags = tags(field.dropFirst())
            }
        }
        return event
    }

    static func serviceCheck(_ line: ArraySlice<UInt8>) -> ServiceCheck? {
        let fields = split(line, on: "|")
        guard fields.count >= 3, !fields[1].isEmpty, let status = Int(string(fields[2])), (0...3).contains(status)
        else { return nil }
        var check = ServiceCheck(name: string(fields[1]), status: status)
        var index = 3
        while index < fields.count {
            let field = fields[index]
            if field.starts(with: "m:".utf8) {
                // "This field must be positioned last among the metadata fields": the message is the rest of the
                // datagram, `|` included.
                check.message = string(line[(field.startIndex + 2)...])
                break
            }
            if field.starts(with: "d:".utf8) {
                check.timestamp = number(field.dropFirst(2)) ?? 0
            } else if field.starts(with: "h:".utf8) {
                check.host = string(field.dropFirst(2))
            } else if field.first == ascii("#") {
                check.tags = tags(field.dropFirst())
            }
            index += 1
        }
        return check
    }

    // MARK: Pieces

    /// `<TAG_KEY_1>:<TAG_VALUE_1>,<TAG_2>`: the tags as written, empty ones dropped.
    static func tags(_ text: ArraySlice<UInt8>) -> [String] {
        split(text, on: ",").filter { !$0.isEmpty }.map(string)
    }

    /// A number as the Agent's `strconv.ParseFloat` reads one, finite.
    static func number(_ text: ArraySlice<UInt8>) -> Double? {
        guard let value = Double(string(text)), value.isFinite else { return nil }
        return value
    }

    /// Decimal digits up to `terminator`, which is consumed.
    static func integer(_ text: inout ArraySlice<UInt8>, until terminator: Character) -> Int? {
        let digits = text.prefix { $0 >= ascii("0") && $0 <= ascii("9") }
        guard !digits.isEmpty, let value = Int(string(digits)), text.dropFirst(digits.count).first == ascii(terminator)
        else { return nil }
        text = text.dropFirst(digits.count + 1)
        return value
    }

    static func split(_ bytes: ArraySlice<UInt8>, on separator: Character) -> [ArraySlice<UInt8>] {
        bytes.split(separator: ascii(separator), omittingEmptySubsequences: false)
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    static func validString(_ bytes: ArraySlice<UInt8>) -> String? { String(validating: bytes, as: UTF8.self) }

    static func ascii(_ character: Character) -> UInt8 { character.asciiValue! }
}

extension DatagramGrammar.Message {
    /// What differs between this reading and `StatsDParser`'s, or nil when they agree.
    func difference(from message: StatsDMessage) -> String? {
        switch (self, message) {
        case (.metric(let expected), .metric(let actual)):
            if expected.name != actual.name { return "name" }
            if expected.type != actual.kind.rawValue { return "type" }
            if "\(expected.values)" != "\(actual.values)" { return "values" }
            if expected.setValue.map({ [$0] }) ?? [] != actual.setValues { return "set values" }
            if expected.sampleRate != actual.sampleRate { return "sample rate" }
            if expected.containerID != actual.containerID { return "container ID" }
            if "\(expected.timestamp as Double?)" != "\(actual.timestamp as Double?)" { return "timestamp" }
            return tagsDiffer(expected.tags, actual.tags) ? "tags" : nil
        case (.event(let expected), .event(let actual)):
            if expected.title != actual.title { return "title" }
            if expected.text != actual.text { return "text" }
            if "\(expected.timestamp as Double?)" != "\(actual.timestamp as Double?)" { return "timestamp" }
            if expected.host != actual.host { return "host" }
            if expected.aggregationKey != actual.aggregationKey { return "aggregation key" }
            if expected.priority != actual.priority { return "priority" }
            if expected.sourceTypeName != actual.sourceTypeName { return "source type name" }
            if expected.alertType != actual.alertType { return "alert type" }
            return tagsDiffer(expected.tags, actual.tags) ? "tags" : nil
        case (.serviceCheck(let expected), .serviceCheck(let actual)):
            if expected.name != actual.check { return "name" }
            if expected.status != actual.status { return "status" }
            if "\(expected.timestamp)" != "\(actual.timestamp)" { return "timestamp" }
            if expected.host != actual.hostName { return "host" }
            if expected.message != actual.message { return "message" }
            return tagsDiffer(expected.tags, actual.tags) ? "tags" : nil
        default:
            return "kind of datagram"
        }
    }

    /// The parser normalises tags as Datadog does; tags already in normal form must come through unchanged,
    /// and normalising never adds a tag.
    private func tagsDiffer(_ written: [String], _ parsed: [String]) -> Bool {
        if written.allSatisfy(isPlainlyNormal) { return written != parsed }
        return parsed.count > written.count
    }

    /// A lowercase ASCII tag that starts with a letter, uses only `a-z 0-9 _ - : . /`, has no `__` and does not
    /// end in `_`, within 200 characters: normalising leaves it as it is.
    private func isPlainlyNormal(_ tag: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-:./")
        guard let first = tag.first, first.isASCII, first.isLetter, first.isLowercase, tag.count <= 200 else {
            return false
        }
        return tag.allSatisfy(allowed.contains) && !tag.contains("__") && !tag.hasSuffix("_")
    }
}
