extension Collection<UInt8> {
    /// The offset of the first occurrence of `needle`, in bytes, or nil.
    ///
    /// A plain byte search for the build's hot paths: Foundation's `range(of:)` and `contains(_:)` go through
    /// `NSString`, and the standard library's `firstRange(of:)` is generic over any collection; both cost far
    /// more than the few bytes a needle usually has to match.
    func firstOffset(of needle: some Collection<UInt8>) -> Int? {
        // Over contiguous bytes (a native string's UTF-8 view) the scan compiles to plain pointer arithmetic.
        withContiguousStorageIfAvailable { $0.scan(for: needle) } ?? scan(for: needle)
    }

    private func scan(for needle: some Collection<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        let rest = needle.dropFirst()
        var offset = 0
        var index = startIndex
        while index != endIndex {
            if self[index] == first, self[self.index(after: index)...].starts(with: rest) { return offset }
            formIndex(after: &index)
            offset += 1
        }
        return nil
    }
}
