import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order.
    ///
    /// The elements go out in small chunks, one task each, and a core that is done takes the next chunk:
    /// chapters differ in cost, and a fixed share per core left one core idle at the end of a build.
    func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunkSize = Swift.max(1, count / (cores * 16))
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                group.addTask {
                    (start, self[start..<Swift.min(start + chunkSize, count)].map(transform))
                }
            }
            var results = [Result?](repeating: nil, count: count)
            for await (start, batch) in group {
                for (offset, result) in batch.enumerated() { results[start + offset] = result }
            }
            return results.map { $0! }
        }
    }
}
