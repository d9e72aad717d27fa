/// Distinct words as UTF-8 bytes, numbered in the order they were first added, with their hashes.
struct WordList: Sendable {
    /// The words' bytes, back to back.
    fileprivate var storage: [UInt8] = []
    /// Where each word's bytes are in ``storage``, and its hash, by word number.
    fileprivate var words: [(start: Int32, count: Int32, hash: UInt32)] = []

    /// How many words the list holds.
    var count: Int { words.count }

    /// Calls `body` with the bytes of word `number`.
    func withWord<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let word = words[number]
        return storage.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(word.start)..<Int(word.start + word.count)]))
        }
    }

    /// Word `number` as a string.
    func string(_ number: Int) -> String {
        withWord(number) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A ``WordList`` that finds a word's number from its bytes.
///
/// The search index meets every word of the book once per occurrence. A `[String: …]` table would make
/// a `String` of each and hash it with SipHash; this one hashes the bytes where they are, compares them
/// with the stored copy, and stores a word's bytes only the first time it is seen.
struct WordTable: Sendable {
    private var list = WordList()
    /// Open addressing: a word number plus one, or 0 for an empty slot. The count is a power of two.
    private var slots: [Int32]

    /// A table with room for about `capacity` words before it grows.
    init(capacity: Int = 16) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slots = Array(repeating: 0, count: slotCount)
    }

    /// How many distinct words the table holds.
    var count: Int { list.count }

    /// The words, in arrays no larger than they need to be, without the lookup table: what a page keeps until
    /// the search index is written.
    var words: WordList {
        WordList(storage: Array(list.storage[...]), words: Array(list.words[...]))
    }

    /// The number of `word`, adding it if it is new; `isNew` tells which.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        insert(word, hash: Self.hash(word))
    }

    /// The number of word `number` of `other`, adding it if it is new, without hashing it again.
    mutating func insert(_ number: Int, of other: WordList) -> (number: Int, isNew: Bool) {
        other.withWord(number) { insert($0, hash: other.words[number].hash) }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if list.words[number].hash == hash, matches(number, word) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = list.words.count
        list.words.append((Int32(list.storage.count), Int32(word.count), hash))
        list.storage.append(contentsOf: word)
        slots[slot] = Int32(number + 1)
        if list.words.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Word `number` as a string.
    func string(_ number: Int) -> String {
        list.string(number)
    }

    private func matches(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let stored = list.words[number]
        guard Int(stored.count) == word.count else { return false }
        // Words are a few bytes long: comparing them here beats calling memcmp.
        return list.storage.withUnsafeBufferPointer { storage in
            let start = Int(stored.start)
            for offset in 0..<word.count where storage[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, word) in list.words.enumerated() {
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
