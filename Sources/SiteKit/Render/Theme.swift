import Foundation

/// The Mustache templates and static files that dress the pages.
///
/// The default theme ships as package resources. A book overrides any of its files by putting a file
/// of the same name in `content/theme/`; other files there (fonts, extra CSS) are published beside them.
struct Theme: Sendable {
    /// The templates, compiled (``CompiledTemplate``), by name.
    let templates: [String: CompiledTemplate]
    /// Static files published under `theme/` in the output, by name.
    let files: [String: Data]

    static let templateNames = ["page", "contents", "404", "redirect", "moved", "head", "header", "footer"]

    /// Loads the default theme, then the book's overrides from `overrides` when it exists.
    static func load(overrides: URL?, displayPrefix: String) -> (Theme, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var files: [String: Data] = [:]
        var sources: [String: (text: String, displayPath: String)] = [:]
        for (name, url) in defaultFiles() {
            addFile(name: name, url: url, displayPath: "(default theme)/\(name)", into: &files, sources: &sources)
        }
        if let overrides, let names = try? FileManager.default.contentsOfDirectory(atPath: overrides.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                addFile(
                    name: name, url: overrides.appendingPathComponent(name),
                    displayPath: displayPrefix + "theme/" + name,
                    into: &files, sources: &sources)
            }
        }
        var templates: [String: CompiledTemplate] = [:]
        for name in templateNames {
            guard let source = sources[name + ".mustache"] else { continue }
            do {
                templates[name] = try CompiledTemplate(source.text)
            } catch {
                let message = "template error: \(error.message)"
                diagnostics.append(.error(message, at: source.displayPath, line: error.line, column: error.column))
            }
        }
        return (Theme(templates: templates, files: files), diagnostics)
    }

    private static func addFile(
        name: String, url: URL, displayPath: String, into files: inout [String: Data],
        sources: inout [String: (text: String, displayPath: String)]
    ) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        if name.hasSuffix(".mustache") {
            sources[name] = (String(decoding: data, as: UTF8.self), displayPath)
        } else {
            files[name] = data
        }
    }

    /// The default theme's files, from the package resources.
    private static func defaultFiles() -> [(String, URL)] {
        guard let directory = Bundle.module.url(forResource: "Theme", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.sorted().map { ($0, directory.appendingPathComponent($0)) }
    }

    /// Renders `template` with `context`; an unknown template renders nothing.
    func render(_ template: String, _ context: [String: TemplateValue]) -> String {
        templates[template]?.render(context, partials: templates) ?? ""
    }
}
