/// Distinct words as UTF-8 bytes, each with a number in the order it was first added.
///
/// The search index meets every word of the book once per occurrence. A `[String: …]` table would make
/// a `String` of each and hash it with SipHash; this one hashes the bytes where they are, compares them
/// with the stored copy, and stores a word's bytes only the first time it is seen.
struct WordTable: Sendable {
    /// The words' bytes, back to back.
    private var storage: [UInt8] = []
    /// Where each word's bytes are in ``storage``, and its hash, by word number.
    private var words: [(start: Int32, count: Int32, hash: UInt32)] = []
    /// Open addressing: a word number plus one, or 0 for an empty slot. The count is a power of two.
    private var slots: [Int32]

    /// A table with room for about `capacity` words before it grows.
    init(capacity: Int = 16) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slots = Array(repeating: 0, count: slotCount)
        words.reserveCapacity(capacity)
        storage.reserveCapacity(capacity * 8)
    }

    /// How many distinct words the table holds.
    var count: Int { words.count }

    /// The number of `word`, adding it if it is new; `isNew` tells which.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if words[number].hash == hash, matches(number, word) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = words.count
        words.append((Int32(storage.count), Int32(word.count), hash))
        storage.append(contentsOf: word)
        slots[slot] = Int32(number + 1)
        if words.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Calls `body` with the bytes of word `number`.
    func withWord<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let word = words[number]
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(word.start)..<Int(word.start + word.count)])) }
    }

    /// Word `number` as a string.
    func string(_ number: Int) -> String {
        withWord(number) { String(decoding: $0, as: UTF8.self) }
    }

    private func matches(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let stored = words[number]
        guard Int(stored.count) == word.count else { return false }
        // Words are a few bytes long: comparing them here beats calling memcmp.
        return storage.withUnsafeBufferPointer { storage in
            let start = Int(stored.start)
            for offset in 0..<word.count where storage[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, word) in words.enumerated() {
            var slot = Int(word.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a: words are a few bytes long, where it beats hashers built for long keys.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
