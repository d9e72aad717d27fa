/// A diagnostic can be thrown or carried in a `Result` where one problem stops a step.
extension Diagnostic: Error {}
