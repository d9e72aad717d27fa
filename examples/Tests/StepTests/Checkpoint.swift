import Foundation

/// One folder `Steps/<Tutorial>/<NN>`: the reader's package at step NN, compiled here as the target `<Tutorial><NN>`.
struct Checkpoint: CustomStringConvertible, Sendable {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let tutorial: String
    let step: String

    var description: String { "\(tutorial)/\(step)" }
    /// The target, and the executable that `swift build` leaves beside the test bundle.
    var targetName: String { tutorial + step }
    var folder: URL { Self.examples.appendingPathComponent("Steps/\(tutorial)/\(step)") }
    var relativeSourcesPath: String { "Steps/\(tutorial)/\(step)/Sources/\(tutorial)" }

    /// Every checkpoint on disk, in order.
    static let all: [Checkpoint] = {
        let steps = examples.appendingPathComponent("Steps")
        let files = FileManager.default
        let tutorials = (try? files.contentsOfDirectory(atPath: steps.path)) ?? []
        return tutorials.sorted().flatMap { tutorial in
            let numbers = (try? files.contentsOfDirectory(atPath: steps.appendingPathComponent(tutorial).path)) ?? []
            return numbers.filter { $0.allSatisfy(\.isNumber) }.sorted().map {
                Checkpoint(tutorial: tutorial, step: $0)
            }
        }
    }()
}
