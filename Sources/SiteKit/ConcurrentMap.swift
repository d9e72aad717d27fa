import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order.
    func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, Swift.max(count, 1))
        return await withTaskGroup(of: [(Int, Result)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    stride(from: worker, to: count, by: workers).map { ($0, transform(self[$0])) }
                }
            }
            var results = [Result?](repeating: nil, count: count)
            for await batch in group {
                for (index, result) in batch { results[index] = result }
            }
            return results.map { $0! }
        }
    }
}
