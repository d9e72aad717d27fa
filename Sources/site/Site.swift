import ArgumentParser

@main
struct Site: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, check and preview a step-by-step guide.",
        subcommands: [Build.self, Check.self, Serve.self],
        defaultSubcommand: Build.self
    )
}
