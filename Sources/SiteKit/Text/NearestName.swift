/// The name among candidates closest to a misspelled one, for "did you mean" hints.
enum NearestName {
    /// The candidate with the fewest edits from `name` (ties go to the first in sorted order), when it is close
    /// enough to be a plausible typo: at most half of `name`'s length, and at least 3 edits allowed.
    static func nearest(to name: String, in candidates: some Collection<String>) -> String? {
        let target = Array(name.utf8)
        let limit = max(3, target.count / 2)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.utf8))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance over bytes: insertions, deletions and substitutions each count one.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
