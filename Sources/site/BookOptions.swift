import ArgumentParser
import Foundation

/// Options shared by every command that reads a book.
struct BookOptions: ParsableArguments {
    @Option(help: "The folder holding SUMMARY.md and the chapters, or an mdBook book's folder holding book.toml.")
    var content: String = "content"

    var contentURL: URL { URL(fileURLWithPath: content) }
}
