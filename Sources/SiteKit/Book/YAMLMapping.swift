import Yams

/// Reads a YAML mapping of string settings, reporting problems with their position in the file.
///
/// `lineOffset` shifts reported lines, for YAML that starts below the top of its file (front matter).
struct YAMLMapping {
    private(set) var values: [String: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(yaml: String, displayPath: String, lineOffset: Int = 0, knownKeys: Set<String>) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, displayPath: displayPath, lineOffset: lineOffset))
            return
        } catch {
            diagnostics.append(.error("malformed YAML: \(error)", at: displayPath, line: lineOffset + 1))
            return
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error(
                    "expected a mapping of settings such as 'title: My guide'", at: displayPath,
                    line: lineOffset + (node.mark?.line ?? 1), column: node.mark?.column ?? 1))
            return
        }
        for (key, value) in mapping {
            let keyName = key.string ?? ""
            let line = lineOffset + (key.mark?.line ?? 1)
            let column = key.mark?.column ?? 1
            guard knownKeys.contains(keyName) else {
                let known = knownKeys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "unknown setting '\(keyName)' is ignored; known settings are \(known)",
                        at: displayPath, line: line, column: column))
                continue
            }
            guard let scalar = value.scalar else {
                diagnostics.append(
                    .error(
                        "setting '\(keyName)' must be a single value, not a list or mapping", at: displayPath,
                        line: lineOffset + (value.mark?.line ?? line), column: value.mark?.column ?? column))
                continue
            }
            values[keyName] = scalar.string
        }
    }

    static func diagnostic(for error: YamlError, displayPath: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(
                "malformed YAML: \(detail)", at: displayPath, line: lineOffset + mark.line, column: mark.column)
        case .reader(let problem, _, _, _):
            return .error("malformed YAML: \(problem)", at: displayPath, line: lineOffset + 1)
        default:
            return .error("malformed YAML: \(error)", at: displayPath, line: lineOffset + 1)
        }
    }
}
