import Foundation

/// The examples package's `Steps/` folder: one folder per tutorial, holding one checkpoint package per step
/// (`Steps/Votes/01`, `Steps/Votes/02`, …). Files are read when a directive asks for them, so an edit to a step is
/// seen by the next build without reloading anything.
struct StepFolder: Sendable {
    /// `Steps/` on disk.
    let url: URL

    /// The examples package's `Steps/` folder, when `site.yml` names the package.
    init?(book: Book) {
        guard let snippets = BuildSteps.snippetsFolder(book) else { return nil }
        url = snippets.deletingLastPathComponent().appendingPathComponent("Steps")
    }

    /// The file at the directive's step and at the step before, or the diagnostic at the directive that says why not:
    /// an unknown tutorial, step or file, a missing previous step, or a file the step leaves unchanged.
    func resolve(_ directive: StepDirective) -> Result<StepFile, Diagnostic> {
        func failure(_ message: String, at position: StepDirective.Position) -> Result<StepFile, Diagnostic> {
            .failure(.error(message, at: directive.chapter, line: position.line, column: position.column))
        }
        let components = directive.file.split(separator: "/", omittingEmptySubsequences: false)
        guard !directive.file.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else {
            return failure(
                "'file' must be a path inside the step's package, such as 'Sources/Votes/Votes.swift'",
                at: directive.filePosition)
        }
        let tutorial = url.appendingPathComponent(directive.tutorial)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tutorial.path) else {
            return failure("no tutorial '\(directive.tutorial)' in \(Self.displayName)", at: directive.tutorialPosition)
        }
        // A step's folder is its number, with leading zeros so that folders sort in order: 3 is `03`.
        let steps = Dictionary(
            names.filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
                .compactMap { name in Int(name).map { ($0, name) } }
        ) { first, _ in first }
        let stepName = "\(Self.displayName)/\(directive.tutorial)/\(String(format: "%02d", directive.step))"
        guard let folder = steps[directive.step] else {
            return failure(
                "tutorial '\(directive.tutorial)' has no step \(directive.step) (\(stepName))",
                at: directive.stepPosition)
        }
        let path = "\(directive.tutorial)/\(folder)/\(directive.file)"
        guard let current = Self.read(url.appendingPathComponent(path)) else {
            return failure(
                "'\(directive.file)' does not exist in step \(directive.step) "
                    + "(\(Self.displayName)/\(directive.tutorial)/\(folder))",
                at: directive.filePosition)
        }
        guard let current else {
            return failure(
                "'\(directive.file)' in step \(directive.step) is not valid UTF-8", at: directive.filePosition)
        }
        guard directive.step > 1 else {
            return .success(
                StepFile(directive: directive, text: current, previous: nil, dependencies: ["Steps/" + path]))
        }
        guard let previousFolder = steps[directive.step - 1] else {
            return failure(
                "step \(directive.step) of '\(directive.tutorial)' has no previous step: "
                    + "\(Self.displayName)/\(directive.tutorial)/\(String(format: "%02d", directive.step - 1)) "
                    + "does not exist",
                at: directive.stepPosition)
        }
        let previousPath = "\(directive.tutorial)/\(previousFolder)/\(directive.file)"
        // A file the step creates shows every line as added.
        guard let previous = Self.read(url.appendingPathComponent(previousPath)) ?? "" else {
            return failure(
                "'\(directive.file)' in step \(directive.step - 1) is not valid UTF-8", at: directive.filePosition)
        }
        guard previous != current else {
            return failure(
                "'\(directive.file)' is the same in steps \(directive.step - 1) and \(directive.step), "
                    + "so the step shows no change; name a file that step \(directive.step) changes",
                at: directive.filePosition)
        }
        return .success(
            StepFile(
                directive: directive, text: current, previous: previous,
                dependencies: ["Steps/" + path, "Steps/" + previousPath]))
    }

    /// How messages name the folder.
    static let displayName = "Steps"

    /// A file's text: `nil` when there is no readable file, `.some(nil)` when it is not UTF-8.
    private static func read(_ file: URL) -> String?? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue,
            let data = POSIXFile.read(file.path)
        else { return nil }
        return .some(String(validating: data, as: UTF8.self))
    }
}

/// A file at one step of a tutorial, with its text at the step before.
struct StepFile: Sendable {
    let directive: StepDirective
    let text: String
    /// The text at the previous step (empty when the step creates the file), or `nil` at step 1.
    let previous: String?
    /// The files the page shows, as `Steps/<Tutorial>/<NN>/<file>`: editing one rebuilds the page.
    let dependencies: [String]
}
