/// An append-only list that forgets from its front in amortized O(1): what the store keeps of one kind of data,
/// in arrival order, so that retention can drop the oldest without moving the rest each time.
struct RetainedLog<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// The kept elements, oldest first.
    var elements: ArraySlice<Element> { storage[head...] }

    var count: Int { storage.count - head }

    var first: Element? { head < storage.count ? storage[head] : nil }

    mutating func append(_ element: Element) { storage.append(element) }

    mutating func append(contentsOf elements: some Sequence<Element>) { storage.append(contentsOf: elements) }

    /// Forgets the `count` oldest elements (all of them if there are fewer).
    mutating func dropOldest(_ count: Int) {
        head += min(count, self.count)
        // Moving the survivors down only once half the array is dead keeps each drop O(1) amortized.
        if head >= 1024 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }

    /// Forgets the oldest elements as long as `isExpired` holds for them, and says how many it forgot.
    mutating func dropOldest(while isExpired: (Element) -> Bool) -> Int {
        var expired = 0
        while head + expired < storage.count && isExpired(storage[head + expired]) { expired += 1 }
        dropOldest(expired)
        return expired
    }
}

extension RetainedLog: Sendable where Element: Sendable {}
