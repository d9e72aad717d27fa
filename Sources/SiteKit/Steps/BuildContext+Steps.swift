extension BuildContext {
    /// The step's file in the repository, for the code block's title link.
    func sourceURL(ofStep file: StepFile) -> String? {
        guard let repository = book.config.repository, let examples = book.config.examplesRepositoryPath,
            let path = file.dependencies.first
        else { return nil }
        return "\(repository)/blob/\(book.config.branch)/\(examples)/\(path)"
    }
}
