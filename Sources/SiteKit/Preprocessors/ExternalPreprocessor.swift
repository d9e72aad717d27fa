import CommonMark
import Foundation

/// A `[preprocessor.NAME]` of `book.toml`: a program that reads the book as JSON on standard input and writes it
/// back, changed, on standard output, by mdBook's protocol (`for_developers/preprocessors.md` in mdBook's guide).
struct ExternalPreprocessor: Sendable, Equatable {
    var name: String
    /// The command line (`mdbook-NAME` unless `command` says otherwise), split into words as a shell would.
    var command: String
    /// A program that is not installed is then a warning, not an error.
    var optional = false
    /// `renderers = [...]`: the renderers it runs for; when nil, the program is asked (`COMMAND supports html`).
    var renderers: [String]?
    /// Where `book.toml` declares it.
    var position: SourcePosition

    /// How a run of the program ended.
    enum Outcome: Equatable {
        /// No such program: not on `PATH`, or no such file relative to the book's folder.
        case notFound
        /// The program could not be started, for the reason given.
        case failedToStart(String)
        case exited(status: Int32, output: Data, errors: Data)
    }

    /// Asks the program whether it runs for the HTML renderer: exit status 0 is yes.
    func supportsHTML(in folder: URL) -> Outcome {
        run(arguments: ["supports", "html"], input: nil, in: folder)
    }

    /// Runs the program on `input` (the context and the book, as JSON), from the book's folder, as mdBook does.
    func process(_ input: Data, in folder: URL) -> Outcome {
        run(arguments: [], input: input, in: folder)
    }

    private func run(arguments extra: [String], input: Data?, in folder: URL) -> Outcome {
        let words = CommandWords.split(command)
        guard let first = words.first, let executable = Self.locate(first, from: folder) else { return .notFound }
        let process = Process()
        process.executableURL = executable
        process.arguments = Array(words.dropFirst()) + extra
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failedToStart("\(error.localizedDescription)")
        }
        // The three streams are served at once, so that a program that writes before it has read everything
        // cannot block on a full pipe. A program that stops reading early ends the write with EPIPE, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        if let input {
            DispatchQueue.global().async(group: group) {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
            }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return .exited(status: process.terminationStatus, output: outputData, errors: errorData)
    }

    /// The program a command's first word names: a bare name is looked up on `PATH`, and a path is relative to the
    /// book's folder (mdBook's `compose_command`).
    static func locate(_ word: String, from folder: URL) -> URL? {
        let manager = FileManager.default
        if word.contains("/") {
            let url = word.hasPrefix("/") ? URL(fileURLWithPath: word) : folder.appendingPathComponent(word)
            return manager.isExecutableFile(atPath: url.path) ? url : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(word)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                manager.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }
}

/// Splits a command line into words as a POSIX shell does (and as mdBook's `shlex` does): blanks separate words,
/// `'…'` keeps everything literally, `"…"` keeps all but `\"`, `\\`, `\$` and `` \` ``, and `\` outside quotes
/// escapes the next character.
enum CommandWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word: String?
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\n":
                if let finished = word { words.append(finished) }
                word = nil
            case "'":
                word = word ?? ""
                while let next = characters.next(), next != "'" { word!.append(next) }
            case "\"":
                word = word ?? ""
                while let next = characters.next(), next != "\"" {
                    if next == "\\", let escaped = characters.next() {
                        if !"\"\\$`".contains(escaped) { word!.append("\\") }
                        if escaped != "\n" { word!.append(escaped) }
                    } else {
                        word!.append(next)
                    }
                }
            case "\\":
                word = word ?? ""
                if let escaped = characters.next(), escaped != "\n" { word!.append(escaped) }
            default:
                word = (word ?? "") + String(character)
            }
        }
        if let finished = word { words.append(finished) }
        return words
    }
}
