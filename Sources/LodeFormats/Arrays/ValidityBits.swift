import LodeCore

/// Validity bits being built, which unlike ``Bitmap`` can be cut back when a
/// half-read row is undone.
struct ValidityBits {
    private(set) var words: [UInt64] = []
    private(set) var count = 0
    private(set) var nullCount = 0

    init(capacity: Int = 0) { words.reserveCapacity((capacity + 63) >> 6) }

    @inline(__always)
    mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if valid {
            words[count >> 6] |= 1 << UInt64(count & 63)
        } else {
            nullCount += 1
        }
        count += 1
    }

    /// Keeps only the first `newCount` bits.
    mutating func truncate(to newCount: Int) {
        guard newCount < count else { return }
        words.removeLast(words.count - (newCount + 63) >> 6)
        if newCount & 63 != 0 { words[words.count - 1] &= (1 << UInt64(newCount & 63)) - 1 }
        count = newCount
        nullCount = count - words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    @inline(__always)
    subscript(index: Int) -> Bool { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    /// The bits as a ``Bitmap``, or `nil` when none is null.
    var bitmap: Bitmap? { nullCount == 0 ? nil : Bitmap(words: words, count: count) }
}
